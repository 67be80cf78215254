import DigitalOcean
import MoneyAndTime

/// DO's GB-month billing of volumes and snapshots, as pure arithmetic over a `StorageLife`:
///
/// - `hours` = whole hours the resource existed within the period, a partial hour truncated,
///   minimum 1 (as droplets);
/// - charge = `min(hours, 672) × size_GB × rate / 672`, in cents, rounded half up
///   (`Money.roundHalfUp`), minimum $0.01. The rate is cents per GB-month (volumes 10, snapshots
///   6); 672 h is the same monthly cap as droplets, so a whole month costs `size × rate` exactly
///   (100 GB volume: $10.00, DO's own example) and never more. Sizes are in hundredths of a GB,
///   so the division is by `672 × 100`.
enum StorageCharges {
    /// Sizes and rates are small (a volume is at most 16 TiB, a rate a few cents), so the product
    /// fits; `scaled` computes it in 128 bits anyway.
    static func charge(hours: Int, sizeCentiGB: Int, centsPerGBMonth: Int) -> Money {
        let billed = min(hours, DropletCharges.capHours)
        let perMonth = Money(cents: sizeCentiGB)
        let prorated = (try? perMonth.scaled(by: billed * centsPerGBMonth, dividedBy: DropletCharges.capHours * 100)) ?? perMonth
        return Money(cents: max(1, prorated.cents))
    }

    /// The resource's line for `period`; nil when it did not exist during it.
    static func line(for life: StorageLife, in period: Range<Timestamp>) -> InvoiceLine? {
        let start = max(life.createdAt, period.lowerBound)
        let end = min(life.deletedAt ?? period.upperBound, period.upperBound)
        guard end > start else { return nil }
        let hours = DropletCharges.billableHours(seconds: end - start)
        return InvoiceLine(
            product: life.product.name, description: life.description, hours: hours, start: start, end: end,
            amount: charge(hours: hours, sizeCentiGB: life.sizeCentiGB, centsPerGBMonth: life.product.centsPerGBMonth),
            projectName: life.projectName, category: "iaas",
            resourceID: life.product == .dropletSnapshot ? life.id : nil, resourceUUID: life.product == .dropletSnapshot ? nil : life.id)
    }
}
