import ArcadiaCore
import DigitalOcean
import GRDB

/// A tenant invoice as a person reads it, for the goldens: header, the subscriptions billed, a
/// table of lines and the totals. Columns are aligned by the widest cell, so a diff of two
/// renderings lines up; nothing depends on row ids.
enum TenantInvoiceRendering {
    struct Tenant {
        var code: String
        var name: String
        var country: String
    }

    struct Invoice {
        struct Line {
            var number: Int
            var type: String
            var deployment: String?
            var description: String
            var quantity: String
            var unitPrice: String
            var amountCents: Int
        }

        var status: String
        var currency: String
        var subtotalCents: Int
        var taxCents: Int
        var totalCents: Int
        /// `Created`, `Issued`, … with their times, the ones set.
        var times: [(label: String, time: String)]
        /// `web: starter + storage_50gb, 2026-03-01T00:00:00Z …`, per subscription on its lines.
        var subscriptions: [String]
        var lines: [Line]

        static func load(id: Int64, _ db: Database) throws -> Invoice {
            let header = try Row.fetchOne(db, sql: """
                SELECT status, currency, subtotal_cents, tax_cents, total_cents, created_at, issued_at, paid_at, voided_at
                FROM tenant_invoices WHERE id = ?
                """, arguments: [id])!
            let times = [("Created", "created_at"), ("Issued", "issued_at"), ("Paid", "paid_at"), ("Voided", "voided_at")]
                .compactMap { label, column in (header[column] as String?).map { (label, $0) } }
            let subscriptions = try Row.fetchAll(db, sql: """
                SELECT DISTINCT s.id, d.code, s.plan_code, s.started_at, s.ended_at
                FROM tenant_invoice_lines l JOIN subscriptions s ON s.id = l.subscription_id JOIN deployments d ON d.id = s.deployment_id
                WHERE l.invoice_id = ? ORDER BY d.code, s.started_at, s.id
                """, arguments: [id]).map { row in
                    let addons = try String.fetchAll(db, sql: "SELECT addon_code FROM subscription_addons WHERE subscription_id = ? ORDER BY addon_code",
                                                     arguments: [row["id"] as Int64])
                    let ended: String? = row["ended_at"]
                    return "\(row["code"] as String): \(([row["plan_code"] as String] + addons).joined(separator: " + ")), "
                        + "\(row["started_at"] as String) … \(ended ?? "(open)")"
                }
            let lines = try Row.fetchAll(db, sql: """
                SELECT l.line_no, l.line_type, d.code, l.description, l.quantity, l.unit_price, l.amount_cents
                FROM tenant_invoice_lines l LEFT JOIN deployments d ON d.id = l.deployment_id WHERE l.invoice_id = ? ORDER BY l.line_no
                """, arguments: [id]).map { row in
                    Line(number: row["line_no"], type: row["line_type"], deployment: row["code"], description: row["description"],
                         quantity: row["quantity"], unitPrice: row["unit_price"], amountCents: row["amount_cents"])
                }
            return Invoice(status: header["status"], currency: header["currency"], subtotalCents: header["subtotal_cents"],
                           taxCents: header["tax_cents"], totalCents: header["total_cents"], times: times,
                           subscriptions: subscriptions, lines: lines)
        }
    }

    static func render(tenant: Tenant, period: String, book: String?, invoices: [Invoice]) -> String {
        let days = BillingPeriod(period)?.days
        var out = "Tenant invoice \(tenant.code) \(period)\n"
        out += "Tenant:     \(tenant.name) (\(tenant.code)), \(tenant.country)\n"
        if let billing = BillingPeriod(period) {
            out += "Period:     \(billing.start.isoDate) to \((billing.end - 86_400).isoDate), \(billing.days) days\n"
        }
        out += "Price book: \(book ?? "none in effect")\n"
        for invoice in invoices {
            out += "\n" + String(repeating: "=", count: 60) + "\n"
            out += "Status:     \(invoice.status == "void" ? "VOID" : invoice.status) (\(invoice.currency))\n"
            for (label, time) in invoice.times {
                out += "\(label):".padding(toLength: 12, withPad: " ", startingAt: 0) + time + "\n"
            }
            if !invoice.subscriptions.isEmpty {
                out += "Billed:     " + invoice.subscriptions.joined(separator: "\n            ") + "\n"
            }
            out += "\n" + table(invoice, daysInPeriod: days)
        }
        return out
    }

    private static func table(_ invoice: Invoice, daysInPeriod: Int?) -> String {
        var rows: [[String]] = [["#", "deployment", "type", "description", "quantity", "unit price", "amount"]]
        for line in invoice.lines {
            rows.append([String(line.number), line.deployment ?? "", line.type, line.description,
                         quantity(line, daysInPeriod: daysInPeriod), unitPrice(line), Money(cents: line.amountCents).decimalString])
        }
        for (label, cents) in [("Subtotal", invoice.subtotalCents), ("Tax", invoice.taxCents), ("Total", invoice.totalCents)] {
            rows.append(["", "", "", "", "", label, Money(cents: cents).decimalString])
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
    private static func quantity(_ line: Invoice.Line, daysInPeriod: Int?) -> String {
        switch line.type {
        case "plan_base", "addon": return "\(line.quantity)/\(daysInPeriod.map(String.init) ?? "?") days"
        case "tax": return atLeastTwoDecimals(line.quantity)
        default: return line.quantity
        }
    }

    /// Monthly prices and overage prices in dollars, at least to the cent; the tax rate as a percentage.
    private static func unitPrice(_ line: Invoice.Line) -> String {
        guard line.type == "tax" else { return atLeastTwoDecimals(line.unitPrice) }
        return DecimalText.parse(line.unitPrice).map { DecimalText.format($0 * 100) + "%" } ?? line.unitPrice
    }

    private static func atLeastTwoDecimals(_ text: String) -> String {
        guard let point = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: point, to: text.endIndex) - 1
        return decimals >= 2 ? text : text + String(repeating: "0", count: 2 - decimals)
    }
}
