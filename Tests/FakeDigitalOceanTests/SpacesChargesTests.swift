import DigitalOcean
import MoneyAndTime
import Testing
@testable import FakeDigitalOcean

private let june = BillingMonth(year: 2026, month: 6)

private func at(_ day: Int, _ hour: Int = 0, month: Int = 6) -> Timestamp {
    Timestamp(year: 2026, month: month, day: day, hour: hour)
}

private func bucket(_ name: String, from start: Timestamp, gb: Int, until end: Timestamp? = nil) -> SteppedLife<Int> {
    var life = SteppedLife(id: name, name: name, projectName: "", startedAt: start, value: gb)
    if let end { life.end(at: end) }
    return life
}

/// Spaces against hand-computed cases: $5.00 a month for the account while any bucket exists
/// (hours × 500 / 672, capped), and $0.02 per GB-month above 250 GB over all buckets, prorated by
/// seconds over the month's length.
@Suite struct SpacesChargesTests {
    @Test func twoBucketsAllMonthPayOneSubscription() {
        let lines = SpacesCharges.lines(for: [bucket("a", from: at(1, month: 5), gb: 100), bucket("b", from: at(1, month: 5), gb: 100)],
                                        in: june.range)
        #expect(lines == [InvoiceLine(product: "Spaces Subscription", description: "Spaces ($5/mo 250GB storage & 1TB bandwidth)",
                                      hours: 720, start: at(1), end: at(1, month: 7), amount: Money(cents: 500), projectName: "",
                                      category: "iaas")], "200 GB is within the included 250 GB")
    }

    @Test func theSubscriptionCoversTheUnionOfBucketLives() {
        // a: 06-01 00:00 → 06-04 00:00; b: 06-03 00:00 → 06-06 00:00; c: 06-10 00:00 → 06-10 05:30.
        // Union: 120 h + 5.5 h = 125.5 h → 125 h; 125 × 500 / 672 = 93.01 → 93.
        let lines = SpacesCharges.lines(for: [bucket("a", from: at(1), gb: 1, until: at(4)), bucket("b", from: at(3), gb: 1, until: at(6)),
                                              bucket("c", from: at(10), gb: 1, until: at(10, 5) + 1_800)], in: june.range)
        #expect(lines.map(\.hours) == [125])
        #expect(lines.map(\.amount) == [Money(cents: 93)])
        #expect(lines.first?.start == at(1) && lines.first?.end == at(10, 5) + 1_800)
    }

    @Test func storageAbove250GBIsProratedOverTheMonth() {
        // 300 GB from the start of June, 400 GB from 06-16 00:00 (15 days in), both buckets together.
        var big = bucket("big", from: at(1, month: 5), gb: 200)
        big.set(300, at: at(16))
        let lines = SpacesCharges.lines(for: [big, bucket("small", from: at(1, month: 5), gb: 100)], in: june.range)
        // Excess 50 GB for 15 days and 150 GB for 15 days of a 30-day month:
        // (50 × 15 + 150 × 15) / 30 GB-months × 2¢ = 100 × 2 = 200 cents.
        #expect(lines.map(\.amount) == [Money(cents: 500), Money(cents: 200)])
        #expect(lines[1] == InvoiceLine(product: "Spaces Subscription", description: "Spaces storage overage (above 250GB)", hours: 720,
                                        start: at(1), end: at(1, month: 7), amount: Money(cents: 200), projectName: "", category: "iaas"))
    }

    @Test func overageOnlyWhileTheTotalIsAbove250GB() {
        // 280 GB from 06-11 00:00 to 06-21 00:00 (240 h): 30 GB × 10 / 30 days × 2¢ = 20 cents.
        var data = bucket("data", from: at(1), gb: 100)
        data.set(280, at: at(11))
        data.set(100, at: at(21))
        let overage = SpacesCharges.overage([data], in: june.range)
        #expect(overage?.amount == Money(cents: 20))
        #expect(overage?.hours == 240)
        #expect(overage?.start == at(11) && overage?.end == at(21))
    }

    @Test func aPreviewProratesOverTheWholeMonthNotTheDaysSoFar() {
        // 550 GB (300 over) for the first 10 days of June, previewed at 06-11: 300 × 10 / 30 × 2¢ = 200 cents.
        let overage = SpacesCharges.overage([bucket("data", from: at(1), gb: 550)], in: at(1)..<at(11))
        #expect(overage?.amount == Money(cents: 200))
    }

    @Test func noBucketsNoLines() {
        #expect(SpacesCharges.lines(for: [], in: june.range).isEmpty)
        #expect(SpacesCharges.lines(for: [bucket("gone", from: at(1, month: 5), gb: 900, until: at(20, month: 5))], in: june.range).isEmpty)
    }
}
