import DigitalOcean
import MoneyAndTime

/// DO bills a reserved IP only while it is unassigned: one line per IP for the period, whole hours
/// unassigned (all unassigned stretches added, a partial hour truncated, minimum 1), charged
/// `hours × $4.00 / 672` rounded half up and capped at $4.00; a charge under $1.00 is waived (no
/// line). Product and description as in DO's CSV example: `Floating IPs`,
/// `Unused Floating IP - <ip>`; `start`/`end` span the unassigned stretches.
enum ReservedIPCharges {
    /// The life's value is whether the IP is assigned to a droplet.
    static func line(for life: SteppedLife<Bool>, in period: Range<Timestamp>) -> InvoiceLine? {
        let unassigned = life.stretches.filter { !$0.value }.map { (start: $0.start, end: $0.end) }
        guard let time = ClippedTime(unassigned, in: period) else { return nil }
        let hours = DropletCharges.billableHours(seconds: time.seconds)
        let amount = DropletCharges.charge(hours: hours, monthlyCents: ProductPrices.reservedIPMonthlyCents)
        guard amount.cents >= ProductPrices.reservedIPMinimumBilledCents else { return nil }
        return InvoiceLine(product: "Floating IPs", description: "Unused Floating IP - \(life.name)", hours: hours,
                           start: time.start, end: time.end, amount: amount, projectName: life.projectName, category: "iaas")
    }
}

/// Reserved IPs in the order they were reserved.
struct ReservedIPLineProducer: InvoiceLineProducer {
    func lines(in period: Range<Timestamp>, world: BillableHistory) -> [InvoiceLine] {
        world.reservedIPs.lives.compactMap { ReservedIPCharges.line(for: $0, in: period) }
    }
}
