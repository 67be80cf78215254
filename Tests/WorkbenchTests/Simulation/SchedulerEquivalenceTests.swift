import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean
import GRDB
import MoneyAndTime
import Testing
import WorkbenchTestSupport
@testable import Workbench

/// The service's scheduler, driven in virtual time (`ServiceSchedule`), writes the ledger the
/// simulator writes for the same scenario: what the goldens check is what `serve --schedule` runs.
@Suite struct SchedulerEquivalenceTests {
    /// Four days across the end of February 2026: hourly metering, the March 1 rollup, operators
    /// re-metering days and ending a subscription between the jobs. (A short scenario: the suite
    /// shares two cores.)
    @Test func theSchedulerAcrossAMonthBoundaryWritesTheSimulatorsLedger() async throws {
        let scenario = try ScenarioFixtures.shipped("metering-rerun-idempotent")
        #expect(BillingPeriod(containing: scenario.clock.start) != BillingPeriod(containing: scenario.clock.end - 1))
        let simulated = try LedgerExport.export(try await Simulator().run(scenario).ledger)
        let (ledger, runs) = try await ServiceSchedule.run(scenario)
        #expect(try LedgerExport.export(ledger) == simulated)
        #expect(runs.contains { $0.job == .revenueRollup && $0.scheduledAt == BillingPeriod(containing: scenario.clock.end - 1).start + 3 * 3_600 })
        // The scenario has no price book, so its rollup fails (and says why), as it does in the simulator.
        #expect(runs.filter { $0.outcome == .failed }.allSatisfy { $0.job == .revenueRollup && $0.summary.contains("no price book") })
        #expect(runs.filter { $0.job == .syncDroplets }.allSatisfy { $0.outcome == .succeeded })
    }
}
