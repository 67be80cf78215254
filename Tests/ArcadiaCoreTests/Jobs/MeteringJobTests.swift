import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// `revenue.metering` in the one job table, through the one dispatch the service shares.
@Suite struct MeteringJobTests {
    @Test func theJobTableMetersDailyAtTenPastOne() {
        #expect(JobTable.production.filter { $0.job == .revenueMetering } == [ScheduledJob(.revenueMetering, .daily(hour: 1, minute: 10))])
    }

    @Test func theRunnerMetersTheDayThatJustEnded() async throws {
        let now = Timestamp(year: 2026, month: 4, day: 3, hour: 1, minute: 10)
        let ledger = try Ledger()
        let fake = FakeDigitalOcean(seed: 1, start: now)
        let runner = JobRunner(client: DigitalOceanClient(transport: fake.transport, token: FakeDigitalOcean.defaultToken),
                               ledger: ledger, clock: .fixed(now))
        guard case .metering(let report) = try await runner.run(.revenueMetering) else {
            Issue.record("revenue.metering answered with another outcome")
            return
        }
        #expect(report.day == Timestamp(year: 2026, month: 4, day: 2))
        #expect(report.written == 0 && report.skipped.isEmpty)
    }
}
