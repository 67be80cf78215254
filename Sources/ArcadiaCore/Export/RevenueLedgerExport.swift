import Foundation
import GRDB

/// The revenue side's canonical files: tenant invoice headers and lines as TSV, and one
/// human-readable rendering per tenant per period (`tenant_invoices/<tenant>-<YYYY-MM>.txt`).
/// Rows are named by codes and times, never by ids, which depend on insertion order.
enum RevenueLedgerExport {
    static func export(_ db: Database) throws -> [LedgerFile] {
        let invoices = try TenantInvoice.load(where: "1", arguments: [], orderedBy: "i.period, t.code, i.created_at, i.id", db)
        var subscriptions: [Int64: Subscription] = [:]
        for subscription in try Subscription.fetchAll(db, ids: Set(invoices.flatMap { $0.lines.compactMap(\.subscriptionID) })) {
            subscriptions[subscription.id] = subscription
        }
        return [headers(invoices), lines(invoices, subscriptions: subscriptions)] + (try renderings(db))
    }

    private static func headers(_ invoices: [TenantInvoice]) -> LedgerFile {
        LedgerExport.tsv(name: "tenant_invoices.tsv", columns: [
            "period", "tenant", "status", "currency", "subtotal_cents", "tax_cents", "total_cents", "lines",
            "created_at", "issued_at", "paid_at", "voided_at",
        ], rows: invoices.map { invoice in
            [invoice.period.description, invoice.tenant, invoice.status.rawValue, invoice.currency, String(invoice.subtotal.cents),
             String(invoice.tax.cents), String(invoice.total.cents), String(invoice.lines.count), invoice.createdAt.iso8601,
             invoice.issuedAt?.iso8601, invoice.paidAt?.iso8601, invoice.voidedAt?.iso8601]
        })
    }

    /// Each line names its subscription by plan and start (`starter from 2026-03-01T00:00:00Z`).
    private static func lines(_ invoices: [TenantInvoice], subscriptions: [Int64: Subscription]) -> LedgerFile {
        LedgerExport.tsv(name: "tenant_invoice_lines.tsv", columns: [
            "period", "tenant", "invoice_status", "invoice_created_at", "line_no", "line_type", "deployment", "subscription",
            "resource_kind", "description", "quantity", "unit_price", "amount_cents", "days_active", "days_in_period",
            "used_quantity", "included_quantity", "allowance_quantity",
        ], rows: invoices.flatMap { invoice in
            invoice.lines.map { line in
                let subscription = line.subscriptionID.flatMap { subscriptions[$0] }.map { "\($0.planCode) from \($0.startedAt.iso8601)" }
                return [invoice.period.description, invoice.tenant, invoice.status.rawValue, invoice.createdAt.iso8601, String(line.lineNo),
                        line.kind.rawValue, line.deploymentCode, subscription, line.resourceKind?.rawValue, line.description,
                        DecimalText.format(line.quantity), DecimalText.format(line.unitPrice), String(line.amount.cents),
                        line.daysActive.map(String.init), line.daysInPeriod.map(String.init), line.usedQuantity.map(DecimalText.format),
                        line.includedQuantity.map(DecimalText.format), line.allowance.map(DecimalText.format)]
            }
        })
    }

    /// Every invoice of a (tenant, period), void ones included, in one file in creation order,
    /// read through `TenantInvoice.load` like the API's.
    private static func renderings(_ db: Database) throws -> [LedgerFile] {
        let tenants = Dictionary(uniqueKeysWithValues: try Tenant.fetchAll(db).map { ($0.id, $0) })
        let invoices = try TenantInvoice.load(where: "1", arguments: [], orderedBy: "t.code, i.period, i.created_at, i.id", db)
        var groups: [[TenantInvoice]] = []
        for invoice in invoices {
            if let last = groups.last?.last, last.tenantID == invoice.tenantID, last.period == invoice.period {
                groups[groups.count - 1].append(invoice)
            } else {
                groups.append([invoice])
            }
        }
        return try groups.map { group in
            let first = group[0]
            guard let tenant = tenants[first.tenantID] else { throw TenantInvoiceStoreError.corrupt("no tenant \(first.tenantID)") }
            // The book the latest invoice of the group records (a void one before it may record another).
            let book = try PriceBookStore.book(of: group[group.count - 1], db)
            let billed = try group.map { invoice in
                (invoice, try Subscription.fetchAll(db, ids: Set(invoice.lines.compactMap(\.subscriptionID))))
            }
            let text = TenantInvoiceRendering.render(
                tenant: tenant, period: first.period,
                book: book.map { "\($0.book.name) (effective \($0.book.effectiveFrom.isoDate))" }, invoices: billed)
            let code = tenant.code.replacingOccurrences(of: "/", with: "_")
            return LedgerFile(name: "tenant_invoices/\(code)-\(first.period).txt", content: text)
        }
    }
}
