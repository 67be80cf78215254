import DigitalOcean
import MoneyAndTime

/// DO's hourly droplet billing, as pure arithmetic over a droplet's life:
///
/// - one line per size the droplet had within the period (a resize splits it; a size used twice,
///   A→B→A, is one line for A with both stretches' time);
/// - `hours` = whole hours at that size within the period, a partial hour truncated, minimum 1;
/// - charge = `hours × price_monthly / 672` in cents, rounded half up (`Money.roundHalfUp`),
///   capped at `price_monthly`, minimum $0.01 — 672 h (28 days) is DO's monthly cap;
/// - a powered-off droplet bills like a running one;
/// - `start`/`end` = the line's time clipped to the period (the earliest start and latest end of
///   the stretches at that size).
enum DropletCharges {
    /// DO's monthly cap: the price of 28 days of hourly use is the monthly price.
    static let capHours = 672

    /// Whole hours in `seconds` (> 0), a partial hour truncated, at least one.
    static func billableHours(seconds: Int64) -> Int {
        precondition(seconds > 0, "only time the droplet existed is billed")
        return max(1, Int(seconds / 3_600))
    }

    /// `hours × monthly / 672` rounded half up to the cent, at most `monthly`, at least one cent.
    /// Hours past the cap are dropped before multiplying (`min(hours, 672) × monthly / 672` is the
    /// same charge), so the result never exceeds `monthly` and the arithmetic cannot overflow.
    static func charge(hours: Int, monthlyCents: Int) -> Money {
        let monthly = Money(cents: monthlyCents)
        let prorated = (try? monthly.scaled(by: min(hours, capHours), dividedBy: capHours)) ?? monthly
        return Money(cents: max(1, prorated.cents))
    }

    /// Σ of `lines(for:in:)` amounts, without building the lines: the balance asks for this every
    /// virtual hour over the whole fleet, and needs no descriptions. A droplet that kept one size
    /// (nearly all) is one charge; a resized one sums its seconds per size as the lines do. A test
    /// holds it equal to the lines' sum.
    static func usage(for life: DropletLife, in period: Range<Timestamp>) throws(MoneyOverflow) -> Money {
        guard life.sizes.count > 1 else {
            let start = max(life.createdAt, period.lowerBound)
            let end = min(life.destroyedAt ?? period.upperBound, period.upperBound)
            guard end > start else { return .zero }
            return charge(hours: billableHours(seconds: end - start), monthlyCents: life.sizes[0].size.priceMonthlyCents)
        }
        var total = Money.zero
        for used in usedSizes(of: life, in: period) {
            total = try total.adding(charge(hours: billableHours(seconds: used.seconds), monthlyCents: used.size.priceMonthlyCents))
        }
        return total
    }

    /// The droplet's lines for `period`; empty when it did not exist during it.
    static func lines(for life: DropletLife, in period: Range<Timestamp>) -> [InvoiceLine] {
        usedSizes(of: life, in: period).map { used in
            let hours = billableHours(seconds: used.seconds)
            return InvoiceLine(
                product: "Droplets", description: "\(life.name) (\(used.size.slug))", hours: hours, start: used.start, end: used.end,
                amount: charge(hours: hours, monthlyCents: used.size.priceMonthlyCents), projectName: life.projectName,
                category: "iaas", resourceID: String(life.id))
        }
    }

    /// A living droplet resized within a period, charged hour after hour: from the period's start
    /// to its last resize, what its other sizes owe and how long it already had its current size
    /// (A→B→A). Every stretch but the current one has ended, so any later hour costs one charge.
    struct Resized: Sendable {
        /// Where its life is in the history.
        let position: Int
        /// The last resize.
        let since: Timestamp
        let priceCents: Int
        /// Seconds at the current size between the period's start and `since`.
        let earlierSeconds: Int64
        /// Σ of the charges of every other size used between the period's start and `since`.
        let others: Money

        init(_ life: DropletLife, at position: Int, from: Timestamp) throws(MoneyOverflow) {
            self.position = position
            (since, priceCents) = (life.currentSize.since, life.currentSize.size.priceMonthlyCents)
            var earlierSeconds: Int64 = 0
            var others = Money.zero
            for used in usedSizes(of: life, in: from..<life.currentSize.since) {
                if used.size.slug == life.currentSize.size.slug {
                    earlierSeconds = used.seconds
                } else {
                    others = try others.adding(charge(hours: billableHours(seconds: used.seconds), monthlyCents: used.size.priceMonthlyCents))
                }
            }
            (self.earlierSeconds, self.others) = (earlierSeconds, others)
        }

        /// `usage(for:in:)` over the period up to `end`, at or after `since`.
        func usage(until end: Timestamp) throws(MoneyOverflow) -> Money {
            precondition(end >= since, "a resized droplet's hours are counted from its last resize on")
            let seconds = earlierSeconds + (end - since)
            guard seconds > 0 else { return others }
            return try others.adding(charge(hours: billableHours(seconds: seconds), monthlyCents: priceCents))
        }
    }

    /// Each size the droplet had within `period`, once, with its seconds there and the earliest
    /// start and latest end of its stretches, clipped to the period: a line's worth, or a charge's.
    private static func usedSizes(of life: DropletLife, in period: Range<Timestamp>)
        -> [(size: FakeSize, seconds: Int64, start: Timestamp, end: Timestamp)] {
        var bySize: [(size: FakeSize, seconds: Int64, start: Timestamp, end: Timestamp)] = []
        for interval in life.sizeIntervals {
            let start = max(interval.start, period.lowerBound)
            let end = min(interval.end ?? period.upperBound, period.upperBound)
            guard end > start else { continue }
            if let index = bySize.firstIndex(where: { $0.size.slug == interval.size.slug }) {
                bySize[index].seconds += end - start
                bySize[index].end = max(bySize[index].end, end)
            } else {
                bySize.append((interval.size, end - start, start, end))
            }
        }
        return bySize
    }
}
