import DigitalOcean
import MoneyAndTime

/// DO's Spaces billing is per account, not per bucket:
///
/// - **subscription**: $5.00 a month while at least one bucket exists, prorated like a droplet
///   when buckets exist for only part of the month: whole hours with any bucket (a partial hour
///   truncated, minimum 1) × $5.00 / 672, rounded half up, capped at $5.00. Product
///   `Spaces Subscription`, description `Spaces ($5/mo 250GB storage & 1TB bandwidth)` (DO's own
///   item example);
/// - **storage overage**: the GB stored over all buckets above the included 250 GB, at $0.02 per
///   GB-month, prorated by the time each amount was stored over the month's length:
///   `Σ excess GB × seconds × 2¢ / seconds in the month`, rounded half up. A whole month 50 GB
///   over costs exactly $1.00. `hours` = whole hours with any excess. No line under $0.01.
///
/// Both lines bill the account: no project, no resource id.
enum SpacesCharges {
    static let subscriptionDescription = "Spaces ($5/mo 250GB storage & 1TB bandwidth)"
    static let overageDescription = "Spaces storage overage (above 250GB)"

    static func lines(for buckets: [SteppedLife<Int>], in period: Range<Timestamp>) -> [InvoiceLine] {
        // Most accounts never had a bucket, and the hourly balance asks every hour.
        guard !buckets.isEmpty else { return [] }
        return [subscription(buckets, in: period), overage(buckets, in: period)].compactMap { $0 }
    }

    static func subscription(_ buckets: [SteppedLife<Int>], in period: Range<Timestamp>) -> InvoiceLine? {
        guard let time = ClippedTime(union(buckets.map { (start: $0.startedAt, end: $0.endedAt) }), in: period) else { return nil }
        let hours = DropletCharges.billableHours(seconds: time.seconds)
        return InvoiceLine(product: "Spaces Subscription", description: subscriptionDescription, hours: hours, start: time.start,
                           end: time.end, amount: DropletCharges.charge(hours: hours, monthlyCents: ProductPrices.spacesSubscriptionMonthlyCents),
                           projectName: "", category: "iaas")
    }

    static func overage(_ buckets: [SteppedLife<Int>], in period: Range<Timestamp>) -> InvoiceLine? {
        let stretches = buckets.flatMap(\.stretches)
        var instants = Set([period.lowerBound, period.upperBound])
        for stretch in stretches {
            for instant in [stretch.start, stretch.end].compactMap({ $0 }) where period.contains(instant) {
                instants.insert(instant)
            }
        }
        let boundaries = instants.sorted()
        var gbSeconds = 0
        var over: [(start: Timestamp, end: Timestamp?)] = []
        for (start, end) in zip(boundaries, boundaries.dropFirst()) {
            let stored = stretches.filter { $0.start <= start && ($0.end ?? period.upperBound) >= end }.map(\.value).reduce(0, +)
            let excess = stored - ProductPrices.spacesIncludedGB
            guard excess > 0 else { continue }
            gbSeconds += excess * Int(end - start)
            over.append((start, end))
        }
        let month = BillingMonth(containing: period.lowerBound).range
        let cents = Money.roundHalfUp(gbSeconds * ProductPrices.spacesOverageCentsPerGBMonth, dividedBy: Int(month.upperBound - month.lowerBound))
        guard cents > 0, let time = ClippedTime(over, in: period) else { return nil }
        return InvoiceLine(product: "Spaces Subscription", description: overageDescription,
                           hours: DropletCharges.billableHours(seconds: time.seconds), start: time.start, end: time.end,
                           amount: Money(cents: cents), projectName: "", category: "iaas")
    }

    /// Overlapping stretches merged, in order of start.
    static func union(_ stretches: [(start: Timestamp, end: Timestamp?)]) -> [(start: Timestamp, end: Timestamp?)] {
        var merged: [(start: Timestamp, end: Timestamp?)] = []
        for stretch in stretches.sorted(by: { $0.start < $1.start }) {
            if let last = merged.last {
                // A stretch without an end covers everything after its start.
                guard let lastEnd = last.end else { continue }
                if stretch.start <= lastEnd {
                    merged[merged.count - 1].end = stretch.end.map { max($0, lastEnd) }
                    continue
                }
            }
            merged.append(stretch)
        }
        return merged
    }
}

/// The account's Spaces lines, from every bucket that ever existed.
struct SpacesLineProducer: InvoiceLineProducer {
    func lines(in period: Range<Timestamp>, world: BillableHistory) -> [InvoiceLine] {
        SpacesCharges.lines(for: world.spacesBuckets.lives, in: period)
    }
}
