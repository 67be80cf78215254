import ArcadiaCore
import MoneyAndTime
import Testing
import Workbench
import WorkbenchTestSupport

/// Every job's failure lands in the ledger's failure table, and the run summary counts what is
/// there (issue 16, item 6: failed balance readings and invoice listings were counted but not
/// recorded).
@Suite struct FailureTableTests {
    @Test func failedBalanceReadingsAndInvoiceListingsAreRecordedAndCountedFromTheLedger() async throws {
        let start = Timestamp(year: 2026, month: 7, day: 1)
        // Balance every hour at :07, invoices daily at 02:23: both fail past every retry.
        let scenario = ScenarioFixtures.fleet(2, hours: 3, timeline: [
            TimelineEvent(at: start + 60, action: .fault(FaultSpec(path: "/v2/customers/my/balance", status: 503, times: 100))),
            TimelineEvent(at: start + 60, action: .fault(FaultSpec(path: "/v2/customers/my/invoices", status: 503, times: 100))),
        ])
        let result = try await Simulator().run(scenario)
        let failures = try SyncFailure.all(in: result.ledger)
        #expect(failures.map(\.worker) == ["cost.balance", "cost.balance", "cost.balance", "cost.invoices"])
        #expect(failures.map(\.at) == [start + 7 * 60, start + 67 * 60, start + 127 * 60, start + 143 * 60])
        #expect(failures.allSatisfy { $0.page == nil && $0.error.contains("503") })
        #expect(result.summary.syncFailures == failures.map { "\($0.worker): \($0.error)" })
    }
}
