import ArcadiaCore
import ArgumentParser
import DigitalOcean
import Foundation
import MoneyAndTime
import Workbench

/// What `arcadia quote` prints: which book and month, the lines in aligned columns, the
/// subtotal, and what the quote leaves out (tax, usage no plan item prices).
enum QuoteRendering {
    /// With a country, the tax line and total the invoice would carry (or why there is no tax).
    static func render(_ quote: Quote, request: QuoteRequest, book: PriceBook, source: String, country: String? = nil) throws -> String {
        let period = quote.period
        let plan = book.plan(request.planCode).map { " (\($0.name))" } ?? ""
        var out = "Quote: plan \(request.planCode)\(plan)" + request.addonCodes.map { " + \($0)" }.joined() + "\n"
        out += "Price book: \(book.name), effective \(book.effectiveFrom.isoDate) (\(source))\n"
        out += "Period: \(period), \(quote.daysActive) of \(period.days) days active"
            + (quote.prorated || quote.daysActive == period.days ? "" : "; proration is off in this book, so the whole month is charged") + "\n\n"
        var rows: [[String]] = [["line", "description", "quantity", "unit price", "amount"]]
        for line in quote.lines {
            let quantity = line.kind == .overage ? DecimalText.format(line.quantity) : "\(DecimalText.format(line.quantity))/\(period.days) days"
            rows.append([line.kind.rawValue, line.description, quantity, dollars(line.unitPrice), line.amount.decimalString])
        }
        rows.append(["", "", "", "Subtotal", quote.subtotal.decimalString])
        let rate = country.flatMap(book.taxRate(country:))
        if let rate {
            guard let tax = rate.tax(on: quote.subtotal), let total = try? quote.subtotal.adding(tax) else {
                throw InputError("the tax on \(quote.subtotal) does not fit in integer cents")
            }
            rows.insert(["tax", "\(rate.lineDescription) (\(rate.country))", quote.subtotal.decimalString, DecimalText.format(rate.rate * 100) + "%",
                         tax.decimalString], at: rows.count - 1)
            rows.append(["", "", "", "Tax", tax.decimalString])
            rows.append(["", "", "", "Total", total.decimalString])
        }
        out += ReportTable.aligned(rows)
        out += "\nAmounts in USD."
        if let country, rate == nil {
            out += " The book has no tax rate for \(country), so a tenant there is charged no tax."
        } else if country == nil {
            out += book.taxRates.isEmpty ? " The book charges no tax."
                : " Tax is added at invoicing by the tenant's country: " + book.taxRates.map { "\($0.country) \($0.lineDescription)" }.joined(separator: ", ") + "."
        }
        out += "\n"
        if !quote.unpricedKinds.isEmpty {
            out += "Not charged: the plan does not price \(quote.unpricedKinds.map(\.rawValue).joined(separator: ", ")).\n"
        }
        return out
    }

    /// At least to the cent: `29.00`, `0.0125`.
    private static func dollars(_ value: Decimal) -> String {
        let text = DecimalText.format(value)
        guard let point = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: point, to: text.endIndex) - 1
        return decimals >= 2 ? text : text + String(repeating: "0", count: 2 - decimals)
    }
}
