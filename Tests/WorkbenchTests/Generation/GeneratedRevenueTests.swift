import ArcadiaCore
import MoneyAndTime
import Testing
@testable import Workbench

/// Retention settings and a price book effective mid-month, over an ordinary seed range.
@Suite struct GeneratedRevenueTests {
    @Test func seedsSetRetentionsSomeShorterThanTheClock() throws {
        var retained = 0, shorterThanTheClock = 0
        for seed: UInt64 in 1...200 {
            let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: false)
            let days = scenario.metering.policies.values.compactMap(\.retentionDays)
            if !days.isEmpty { retained += 1 }
            if days.contains(where: { Int64($0) * 86_400 < scenario.clock.end - scenario.clock.start }) { shorterThanTheClock += 1 }
        }
        #expect(retained > 0)
        #expect(shorterThanTheClock > 0)
    }

    /// A book effective on a day other than the 1st, in the month the clock starts in: it must
    /// not price that month (the book in effect at the 1st does).
    @Test func seedsAddABookEffectiveMidMonth() throws {
        var midMonth = 0
        for seed: UInt64 in 1...200 {
            let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: false)
            let month = scenario.clock.start.startOfMonth ..< scenario.clock.start.startOfNextMonth
            if scenario.priceBooks.contains(where: { month.contains($0.book.effectiveFrom) && $0.book.effectiveFrom != month.lowerBound }) {
                midMonth += 1
            }
        }
        #expect(midMonth > 0)
    }
}
