import ArcadiaCore
import Foundation
import MoneyAndTime

/// The revenue settings of a fuzz scenario: how each billing kind is metered and kept, and the
/// price books. Retention shorter than the clock prunes records inside the run; a book effective
/// mid-month must not price the month it starts in (`docs/revenue.md`: the book in effect at the
/// 1st does), only the next.
enum GeneratedRevenue {
    /// For a quarter of the seeds hourly droplet hours, and sometimes hourly snapshots, DNS zones
    /// and Spaces; then for a third of the seeds a retention on one or two kinds, often shorter
    /// than the clock.
    static func metering(_ random: inout SplitMix64) -> MeteringSpec {
        var metering = MeteringSpec()
        if random.chance(25) { metering.policies[.dropletHours] = MeteringPolicy(granularity: .hourly) }
        for kind in [BillingKind.snapshotGBMonth, .dnsZones, .spacesGBMonth] where random.chance(15) {
            metering.policies[kind] = MeteringPolicy(granularity: .hourly)
        }
        guard random.chance(33) else { return metering }
        let kinds: [BillingKind] = [.dropletHours, .snapshotGBMonth, .dnsZones, .spacesGBMonth, .backupGBMonth]
        for _ in 0..<1 + random.below(2) {
            let kind = random.pick(kinds)
            metering.policies[kind, default: MeteringPolicy()].retentionDays = random.pick([1, 2, 3, 5, 10, 45, 400])
        }
        return metering
    }

    /// The base book, for half the seeds a dearer one effective from the month boundary, and for
    /// a third one effective on a later day of the clock's first month (before or inside the clock).
    static func priceBooks(start: Timestamp, monthEnd: Timestamp, _ random: inout SplitMix64) -> [PriceBookSpec] {
        var books = [PriceBookSpec(book: book(name: "fuzz-a", from: Timestamp(year: 2026, month: 1, day: 1), step: 0), source: "inline")]
        if random.chance(50) {
            books.append(PriceBookSpec(book: book(name: "fuzz-b", from: monthEnd, step: 1 + random.below(5)), source: "inline"))
        }
        if random.chance(33) {
            let days = Int((monthEnd - start.startOfMonth) / 86_400)
            let day = start.startOfMonth + Int64(1 + random.below(days - 1)) * 86_400
            books.append(PriceBookSpec(book: book(name: "fuzz-mid", from: day, step: 6 + random.below(5)), source: "inline"))
        }
        return books
    }

    /// A book with the plans subscriptions name, dearer by `step` dollars a month and a tenth of
    /// a cent an hour per step.
    static func book(name: String, from: Timestamp, step: Int) -> PriceBook {
        let hourly = Decimal(string: "0.011")! + Decimal(step) / 1_000
        return PriceBook(
            name: name, effectiveFrom: from, taxRates: [TaxRate(country: "AU", label: "GST", rate: Decimal(string: "0.1")!)],
            plans: [
                Plan(code: "starter", name: "Starter", basePrice: Money(cents: 2_900 + step * 100),
                     items: [PlanItem(billingKind: .dropletHours, includedQuantity: 100, overageUnitPrice: hourly),
                             PlanItem(billingKind: .snapshotGBMonth, includedQuantity: 1, overageUnitPrice: Decimal(string: "0.06")!)]),
                Plan(code: "pro", name: "Pro", basePrice: Money(cents: 9_900 + step * 100),
                     items: [PlanItem(billingKind: .dropletHours, includedQuantity: 500, overageUnitPrice: hourly)]),
            ])
    }
}
