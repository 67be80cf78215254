import DigitalOcean
import MoneyAndTime

/// The lines of an invoice for a month, or for the part of it up to now (the preview): every
/// producer's lines, then a tax line when the account has a tax rate.
struct InvoiceDraft: Sendable, Equatable {
    /// Product lines, before tax.
    var usage: [InvoiceLine]
    var tax: InvoiceLine?

    static let producers: [any InvoiceLineProducer] = [
        DropletLineProducer(), BackupLineProducer(), StorageLineProducer(), LoadBalancerLineProducer(),
        ReservedIPLineProducer(), SpacesLineProducer(),
    ]

    /// `period` is the month itself for an issued invoice, `[month.start, now)` for the preview.
    init(month: BillingMonth, period: Range<Timestamp>, history: BillableHistory, taxRate: TaxRate?) {
        usage = Self.producers.flatMap { $0.lines(in: period, world: history) }
        tax = usage.isEmpty ? nil : taxRate?.line(on: usage.map(\.amount).sum(), month: month)
    }

    /// The usage so far, before tax, without drawing up the lines (the hourly balance).
    static func subtotal(period: Range<Timestamp>, history: BillableHistory) -> Money {
        producers.map { $0.subtotal(in: period, world: history) }.sum()
    }

    var lines: [InvoiceLine] { usage + (tax.map { [$0] } ?? []) }
    var subtotal: Money { usage.map(\.amount).sum() }
    /// Σ lines + tax: what the invoice (and the billing-history entry) charges.
    var amount: Money { lines.map(\.amount).sum() }
}
