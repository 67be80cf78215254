import ArcadiaCore
import CoreTestSupport
import DigitalOcean
import MoneyAndTime
import Testing

struct BillingPeriodTests {
    @Test func parsesYYYYMMOnly() {
        #expect(BillingPeriod("2026-04") == BillingPeriod(year: 2026, month: 4))
        for bad in ["2026-4", "2026-13", "2026-00", "26-04", "2026-04-01", "2026/04", "abcd-ef", ""] {
            #expect(BillingPeriod(bad) == nil, "\(bad)")
        }
    }

    @Test func knowsItsBoundsLengthAndPredecessor() {
        let feb = BillingPeriod(year: 2028, month: 2)!
        #expect(feb.days == 29)
        #expect(feb.start == RevenueFixtures.time("2028-02-01"))
        #expect(feb.end == RevenueFixtures.time("2028-03-01"))
        #expect(BillingPeriod(year: 2026, month: 1)!.previous == BillingPeriod(year: 2025, month: 12))
        #expect(BillingPeriod(containing: RevenueFixtures.time("2026-05-01T03:00:00Z")).previous.description == "2026-04")
        #expect(BillingPeriod(year: 2026, month: 12)!.end == RevenueFixtures.time("2027-01-01"))
    }
}

struct BillingWindowTests {
    let april = BillingPeriod(year: 2026, month: 4)!
    func t(_ text: String) -> Timestamp { RevenueFixtures.time(text) }

    @Test func billsFromTheStartDayThroughTheDayBeforeTheEnd() throws {
        let window = try #require(BillingWindow(startedAt: t("2026-04-10T09:00:00Z"), endedAt: t("2026-04-20T15:00:00Z"), in: april))
        #expect(window.from == t("2026-04-10") && window.to == t("2026-04-20"))
        #expect(window.days == 10)
    }

    @Test func isClippedToThePeriod() throws {
        let open = try #require(BillingWindow(startedAt: t("2026-01-15T00:00:00Z"), endedAt: nil, in: april))
        #expect(open.days == 30)
        let endsLater = try #require(BillingWindow(startedAt: t("2026-04-30T23:59:59Z"), endedAt: t("2026-06-01T00:00:00Z"), in: april))
        #expect(endsLater.days == 1)
    }

    @Test func coversNoDayWhenItStartsAndEndsTheSameDayOrOutsideThePeriod() {
        #expect(BillingWindow(startedAt: t("2026-04-10T09:00:00Z"), endedAt: t("2026-04-10T18:00:00Z"), in: april) == nil)
        #expect(BillingWindow(startedAt: t("2026-03-01T00:00:00Z"), endedAt: t("2026-04-01T00:00:00Z"), in: april) == nil)
        #expect(BillingWindow(startedAt: t("2026-05-01T00:00:00Z"), endedAt: nil, in: april) == nil)
    }

    /// A plan change at any instant splits the month without a gap or a day billed twice.
    @Test(arguments: ["2026-04-10T00:00:00Z", "2026-04-10T12:00:00Z", "2026-04-10T23:59:59Z", "2026-04-30T23:00:00Z"])
    func consecutiveSubscriptionsPartitionTheMonth(change: String) throws {
        let before = BillingWindow(startedAt: t("2026-03-01T00:00:00Z"), endedAt: t(change), in: april)
        let after = try #require(BillingWindow(startedAt: t(change), endedAt: nil, in: april))
        #expect((before?.days ?? 0) + after.days == 30)
        if let before {
            #expect(!before.overlaps(after) && before.to == after.from)
        }
    }
}
