import DigitalOcean
import MoneyAndTime

/// The lines of an invoice for a month, or for the part of it up to now (the preview): every
/// producer's lines, then a tax line when the account has a tax rate. Its totals are summed once,
/// with overflow reported (`MoneyOverflow`): a draft that exists has totals that fit.
struct InvoiceDraft: Sendable, Equatable {
    /// Product lines, before tax.
    let usage: [InvoiceLine]
    let tax: InvoiceLine?
    let subtotal: Money
    /// Σ lines + tax: what the invoice (and the billing-history entry) charges.
    let amount: Money

    static let producers: [any InvoiceLineProducer] = [
        DropletLineProducer(), BackupLineProducer(), StorageLineProducer(), LoadBalancerLineProducer(),
        ReservedIPLineProducer(), SpacesLineProducer(),
    ]

    /// `period` is the month itself for an issued invoice, `[month.start, now)` for the preview.
    init(month: BillingMonth, period: Range<Timestamp>, history: BillableHistory, taxRate: TaxRate?) throws(MoneyOverflow) {
        var usage: [InvoiceLine] = []
        for producer in Self.producers { usage += try producer.lines(in: period, world: history) }
        self.usage = usage
        subtotal = try usage.map(\.amount).sum()
        tax = usage.isEmpty ? nil : try taxRate?.line(on: subtotal, month: month)
        amount = try subtotal.adding(tax?.amount ?? .zero)
    }

    /// The usage so far, before tax, without drawing up the lines (the hourly balance).
    static func subtotal(period: Range<Timestamp>, history: BillableHistory) throws(MoneyOverflow) -> Money {
        var total = Money.zero
        for producer in producers { total = try total.adding(producer.subtotal(in: period, world: history)) }
        return total
    }

    /// The `amount` a draft of `period` has, without drawing up the lines. A draft with no usage
    /// has no tax line, and tax on its zero subtotal is zero, so the two agree there too.
    static func amount(period: Range<Timestamp>, history: BillableHistory, taxRate: TaxRate?) throws(MoneyOverflow) -> Money {
        let subtotal = try subtotal(period: period, history: history)
        return try subtotal.adding(taxRate?.tax(on: subtotal) ?? .zero)
    }

    var lines: [InvoiceLine] { usage + (tax.map { [$0] } ?? []) }
}
