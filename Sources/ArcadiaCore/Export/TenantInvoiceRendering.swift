import DigitalOcean
import Foundation
import MoneyAndTime

/// A tenant invoice as a person reads it, for the goldens: header, the subscriptions billed, a
/// table of lines and the totals. Columns are aligned by the widest cell, so a diff of two
/// renderings lines up; nothing depends on row ids. Pure: the invoices come from
/// `TenantInvoice.load`, the subscriptions on their lines from `Subscription`'s loader.
enum TenantInvoiceRendering {
    static func render(tenant: Tenant, period: BillingPeriod, book: String?,
                       invoices: [(invoice: TenantInvoice, billed: [Subscription])]) -> String {
        var out = "Tenant invoice \(tenant.code) \(period)\n"
        out += "Tenant:     \(tenant.name) (\(tenant.code)), \(tenant.country)\n"
        out += "Period:     \(period.start.isoDate) to \((period.end - 86_400).isoDate), \(period.days) days\n"
        out += "Price book: \(book ?? "none in effect")\n"
        for (invoice, billed) in invoices {
            out += "\n" + String(repeating: "=", count: 60) + "\n"
            out += "Status:     \(invoice.status == .void ? "VOID" : invoice.status.rawValue) (\(invoice.currency))\n"
            let times = [("Created", invoice.createdAt), ("Issued", invoice.issuedAt), ("Paid", invoice.paidAt), ("Voided", invoice.voidedAt)]
            for case let (label, time?) in times {
                out += "\(label):".padding(toLength: 12, withPad: " ", startingAt: 0) + time.iso8601 + "\n"
            }
            if !billed.isEmpty {
                out += "Billed:     " + billed.map(subscription).joined(separator: "\n            ") + "\n"
            }
            out += "\n" + table(invoice, daysInPeriod: period.days)
        }
        return out
    }

    /// `web: starter + storage_50gb, 2026-03-01T00:00:00Z … (open)`.
    private static func subscription(_ subscription: Subscription) -> String {
        "\(subscription.deploymentCode): \(([subscription.planCode] + subscription.addonCodes).joined(separator: " + ")), "
            + "\(subscription.startedAt.iso8601) … \(subscription.endedAt?.iso8601 ?? "(open)")"
    }

    private static func table(_ invoice: TenantInvoice, daysInPeriod: Int) -> String {
        var rows: [[String]] = [["#", "deployment", "type", "description", "quantity", "unit price", "amount"]]
        for line in invoice.lines {
            rows.append([String(line.lineNo), line.deploymentCode ?? "", line.kind.rawValue, line.description,
                         quantity(line, daysInPeriod: daysInPeriod), unitPrice(line), line.amount.decimalString])
        }
        for (label, amount) in [("Subtotal", invoice.subtotal), ("Tax", invoice.tax), ("Total", invoice.total)] {
            rows.append(["", "", "", "", "", label, amount.decimalString])
        }
        let widths = (0..<7).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let rightAligned: Set<Int> = [0, 4, 5, 6]
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Days charged as `20/30 days`; the tax line's base as money; overage as stored.
    static func quantity(_ line: TenantInvoiceLine, daysInPeriod: Int) -> String {
        let text = DecimalText.format(line.quantity)
        switch line.kind {
        case .planBase, .addon: return "\(text)/\(daysInPeriod) days"
        case .tax: return atLeastTwoDecimals(text)
        case .overage: return text
        }
    }

    /// Monthly prices and overage prices in dollars, at least to the cent; the tax rate as a percentage.
    static func unitPrice(_ line: TenantInvoiceLine) -> String {
        guard line.kind == .tax else { return atLeastTwoDecimals(DecimalText.format(line.unitPrice)) }
        return DecimalText.format(line.unitPrice * 100) + "%"
    }

    private static func atLeastTwoDecimals(_ text: String) -> String {
        guard let point = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: point, to: text.endIndex) - 1
        return decimals >= 2 ? text : text + String(repeating: "0", count: 2 - decimals)
    }
}

extension TenantInvoiceLine {
    /// The line's figures as the invoice shows them, `15/31 days x 35.00 = 16.94`, for every
    /// place that quotes a line (explain, capture's refusal): a plan line's quantity is days
    /// charged, and "15 x 35 = 16.94" read as arithmetic that does not add up.
    public func arithmetic(daysInPeriod: Int) -> String {
        "\(TenantInvoiceRendering.quantity(self, daysInPeriod: daysInPeriod)) x \(TenantInvoiceRendering.unitPrice(self)) = \(amount.decimalString)"
    }
}
