import DigitalOcean
import MoneyAndTime

/// DO's basic backup plans, billed as a share of the droplet: weekly 20 %, daily 30 % of what the
/// droplet is charged for the hours backups were on. Pure arithmetic over a droplet's life:
///
/// - one line per plan used in the period (`web-1 (Weekly Backup Services)`), product
///   `Droplet Backups`; switching plans (off, then on with the other) gives two lines;
/// - the time with backups on is split by droplet size; each size's `hours` are whole hours,
///   truncated, minimum 1, and priced as the droplet line would be (`DropletCharges.charge`:
///   `hours × monthly / 672`, rounded half up, capped at the monthly price);
/// - amount = that droplet charge × 20 (or 30) / 100, rounded half up, minimum $0.01; the line's
///   `hours` is the sum of the sizes' hours, `start`/`end` the first and last instant covered;
/// - backups taken (or not) do not change the charge: the basic plans bill the service.
enum BackupCharges {
    /// A share of at most 100 % of an amount that fits is no larger than it: `scaled` cannot throw.
    static func amount(dropletCharge: Money, plan: BackupPolicy.Plan) -> Money {
        Money(cents: max(1, ((try? dropletCharge.scaled(by: plan.percentOfDroplet, dividedBy: 100)) ?? dropletCharge).cents))
    }

    static func lines(for life: DropletLife, in period: Range<Timestamp>) throws(MoneyOverflow) -> [InvoiceLine] {
        guard !life.backupChanges.isEmpty else { return [] }
        var byPlan: [(plan: BackupPolicy.Plan, sizes: [(size: FakeSize, seconds: Int64)], start: Timestamp, end: Timestamp)] = []
        for backups in life.backupIntervals {
            let onFrom = max(backups.start, period.lowerBound), onUntil = min(backups.end ?? period.upperBound, period.upperBound)
            guard onUntil > onFrom else { continue }
            for sized in life.sizeIntervals {
                let start = max(onFrom, sized.start), end = min(onUntil, sized.end ?? period.upperBound)
                guard end > start else { continue }
                let index = byPlan.firstIndex { $0.plan == backups.plan } ?? {
                    byPlan.append((backups.plan, [], start, end))
                    return byPlan.count - 1
                }()
                byPlan[index].start = min(byPlan[index].start, start)
                byPlan[index].end = max(byPlan[index].end, end)
                if let sizeIndex = byPlan[index].sizes.firstIndex(where: { $0.size.slug == sized.size.slug }) {
                    byPlan[index].sizes[sizeIndex].seconds += end - start
                } else {
                    byPlan[index].sizes.append((sized.size, end - start))
                }
            }
        }
        var lines: [InvoiceLine] = []
        for used in byPlan {
            let hours = used.sizes.map { DropletCharges.billableHours(seconds: $0.seconds) }
            let dropletCharge = try zip(used.sizes, hours).map { DropletCharges.charge(hours: $1, monthlyCents: $0.size.priceMonthlyCents) }.sum()
            lines.append(InvoiceLine(
                product: "Droplet Backups", description: "\(life.name) (\(used.plan.serviceName))", hours: hours.reduce(0, +),
                start: used.start, end: used.end, amount: amount(dropletCharge: dropletCharge, plan: used.plan),
                projectName: life.projectName, category: "iaas", resourceID: String(life.id)))
        }
        return lines
    }
}
