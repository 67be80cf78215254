import MoneyAndTime
import Testing
@testable import Workbench

/// Outages over the night of the 1st: metering (01:10) defers the month's last day, and the
/// issue (03:30) holds or rebuilds the drafts the rollup (03:00) made.
@Suite struct MonthBoundaryOutageTests {
    @Test func runsCountsAJobsFiringsInAHalfOpenRange() {
        let midnight = Timestamp(year: 2026, month: 5, day: 1)
        #expect(MonthBoundaryOutage.runs(every: 900, atMinute: 0, after: midnight - 840, through: midnight + 4_500) == 6)
        #expect(MonthBoundaryOutage.runs(every: 900, atMinute: 0, after: midnight, through: midnight + 900) == 1)
        #expect(MonthBoundaryOutage.runs(every: 3_600, atMinute: 7, after: midnight - 3_540, through: midnight + 4_500) == 3)
    }

    /// With `--faults`, some seeds fail a listing from before midnight through the 01:10 metering
    /// of the last day, and some of those through the 03:30 issue.
    @Test func seedsFailAListingFromBeforeMidnightPastTheMeteringAndTheIssue() throws {
        var pastMetering = 0, pastIssue = 0
        for seed: UInt64 in 1...200 {
            let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: true)
            let monthEnd = scenario.clock.start.startOfNextMonth
            for event in scenario.timeline where event.at < monthEnd && event.at > monthEnd - 2 * 3_600 {
                guard case .fault(let fault) = event.action, fault.path == "/v2/droplets", fault.status >= 500 else { continue }
                let runs = { (until: Int64) in MonthBoundaryOutage.runs(every: 900, atMinute: 0, after: event.at, through: monthEnd + until) }
                if fault.times >= runs(4_200) * MonthBoundaryOutage.sendsPerRun { pastMetering += 1 }
                if fault.times >= runs(12_600) * MonthBoundaryOutage.sendsPerRun { pastIssue += 1 }
            }
        }
        #expect(pastMetering > 0)
        #expect(pastIssue > 0)
    }

    @Test func withoutFaultsNoOutageIsDrawn() throws {
        for seed: UInt64 in 1...50 {
            let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: false)
            #expect(!scenario.timeline.contains { if case .fault = $0.action { true } else { false } })
        }
    }
}
