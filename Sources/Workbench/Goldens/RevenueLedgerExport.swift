import ArcadiaCore
import Foundation
import GRDB

/// The revenue side's canonical files: tenant invoice headers and lines as TSV, and one
/// human-readable rendering per tenant per period (`tenant_invoices/<tenant>-<YYYY-MM>.txt`).
/// Rows are named by codes and times, never by ids, which depend on insertion order.
enum RevenueLedgerExport {
    static func export(_ db: Database) throws -> [LedgerFile] {
        [
            try LedgerExport.table(db, name: "tenant_invoices.tsv", sql: """
                SELECT i.period, t.code AS tenant, i.status, i.currency, i.subtotal_cents, i.tax_cents, i.total_cents,
                       (SELECT COUNT(*) FROM tenant_invoice_lines l WHERE l.invoice_id = i.id) AS lines,
                       i.created_at, i.issued_at, i.paid_at, i.voided_at
                FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id
                ORDER BY i.period, t.code, i.created_at, i.id
                """),
            try LedgerExport.table(db, name: "tenant_invoice_lines.tsv", sql: """
                SELECT i.period, t.code AS tenant, i.status AS invoice_status, i.created_at AS invoice_created_at, l.line_no, l.line_type,
                       d.code AS deployment, s.plan_code || ' from ' || s.started_at AS subscription, l.resource_kind,
                       l.description, l.quantity, l.unit_price, l.amount_cents
                FROM tenant_invoice_lines l JOIN tenant_invoices i ON i.id = l.invoice_id JOIN tenants t ON t.id = i.tenant_id
                LEFT JOIN deployments d ON d.id = l.deployment_id LEFT JOIN subscriptions s ON s.id = l.subscription_id
                ORDER BY i.period, t.code, i.created_at, i.id, l.line_no
                """),
        ] + (try renderings(db))
    }

    /// Every invoice of a (tenant, period), void ones included, in one file in creation order.
    private static func renderings(_ db: Database) throws -> [LedgerFile] {
        let groups = try Row.fetchAll(db, sql: """
            SELECT DISTINCT t.id AS tenant_id, t.code, t.name, t.country, i.period
            FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id ORDER BY t.code, i.period
            """)
        return try groups.map { group in
            let period: String = group["period"]
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM tenant_invoices WHERE tenant_id = ? AND period = ? ORDER BY created_at, id",
                                         arguments: [group["tenant_id"] as Int64, period])
            let book = try BillingPeriod(period).flatMap { try PriceBookStore.book(inEffectAt: $0.start, db) }
            let invoices = try ids.map { try TenantInvoiceRendering.Invoice.load(id: $0, db) }
            let text = TenantInvoiceRendering.render(
                tenant: .init(code: group["code"], name: group["name"], country: group["country"]),
                period: period, book: book.map { "\($0.book.name) (effective \($0.book.effectiveFrom.isoDate))" }, invoices: invoices)
            let code = (group["code"] as String).replacingOccurrences(of: "/", with: "_")
            return LedgerFile(name: "tenant_invoices/\(code)-\(period).txt", content: text)
        }
    }
}
