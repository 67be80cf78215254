import DigitalOcean
import MoneyAndTime

/// An account-level sales tax, e.g. Australian GST: 1,000 basis points, `GST (10%)`.
struct TaxRate: Sendable, Equatable {
    /// Hundredths of a percent, so 10 % is exactly 1,000 and no rate needs a fraction.
    let basisPoints: Int
    /// The CSV's description column, e.g. `STATE SALES TAX (6.25%)` in DO's example.
    let description: String

    /// Tax on `subtotal`, rounded half up to the cent (`Money.roundHalfUp`), computed in 128 bits.
    func tax(on subtotal: Money) throws(MoneyOverflow) -> Money {
        try subtotal.scaled(by: basisPoints, dividedBy: 10_000)
    }

    /// DO's tax line: product `Taxes`, blank hours, from the month's start to its last second
    /// (`23:59:59` on the last day), category `iaas`, no project.
    func line(on subtotal: Money, month: BillingMonth) throws(MoneyOverflow) -> InvoiceLine {
        InvoiceLine(product: "Taxes", description: description, hours: nil, start: month.start, end: month.end - 1,
                    amount: try tax(on: subtotal), projectName: "", category: "iaas")
    }
}
