import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// The writes behind the rollup and the reads it decides on: `tenant_invoices` and
/// `tenant_invoice_lines`, and the tenants and subscriptions it bills. Every function runs inside
/// the caller's transaction; invoices are read back through `TenantInvoice.load`.
enum TenantInvoiceStore {
    static func tenants(_ db: Database) throws -> [Tenant] {
        try Tenant.order(Tenant.Columns.code).fetchAll(db)
    }

    static func tenant(code: String, _ db: Database) throws -> Tenant? {
        try Tenant.filter(Tenant.Columns.code == code).fetchOne(db)
    }

    /// The tenant's invoice for the period that is not void (at most one: a partial unique index).
    static func current(tenantID: Int64, period: BillingPeriod, _ db: Database) throws -> TenantInvoice? {
        try TenantInvoice.load(where: "i.tenant_id = ? AND i.period = ? AND i.status <> 'void'", arguments: [tenantID, period], db).first
    }

    /// Whether any subscription overlaps the period.
    static func anySubscription(overlapping period: BillingPeriod, _ db: Database) throws -> Bool {
        try SubscriptionRecord.filter(SubscriptionRecord.Columns.startedAt < period.end
            && (SubscriptionRecord.Columns.endedAt == nil || SubscriptionRecord.Columns.endedAt > period.start)).isEmpty(db) == false
    }

    /// The tenant's subscriptions overlapping the period, by deployment code, then start.
    static func subscriptions(tenantID: Int64, period: BillingPeriod, _ db: Database) throws -> [Subscription] {
        try Subscription.fetchAll(db, where: "d.tenant_id = ? AND s.started_at < ? AND (s.ended_at IS NULL OR s.ended_at > ?)",
                                  arguments: [tenantID, period.end, period.start])
    }

    /// The billing windows of the subscriptions an invoice's lines name (for the invariants).
    static func billedSubscriptions(of invoice: TenantInvoice, _ db: Database) throws -> [Int64: InvoiceInvariants.BilledSubscription] {
        var result: [Int64: InvoiceInvariants.BilledSubscription] = [:]
        for subscription in try Subscription.fetchAll(db, ids: Set(invoice.lines.compactMap(\.subscriptionID))) {
            let window = BillingWindow(startedAt: subscription.startedAt, endedAt: subscription.endedAt, in: invoice.period)
                ?? BillingWindow(from: invoice.period.start, to: invoice.period.start)
            result[subscription.id] = .init(deploymentID: subscription.deploymentID, window: window)
        }
        return result
    }

    /// `bookID` is the book that priced the draft, kept so that a book added later cannot change
    /// what the invoice says priced it.
    static func insert(tenantID: Int64, period: BillingPeriod, draft: TenantInvoiceDraft, bookID: Int64, at now: Timestamp,
                       _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO tenant_invoices (tenant_id, period, subtotal_cents, tax_cents, total_cents, status, created_at, price_book_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [tenantID, period, draft.subtotal, draft.tax, draft.total, TenantInvoiceStatus.draft, now, bookID])
        let id = db.lastInsertedRowID
        try insertLines(draft.lines, invoiceID: id, db)
        return id
    }

    /// A forced rebuild: the draft keeps its id, gets the new figures, lines and book, and is created anew.
    static func replace(draftID: Int64, with draft: TenantInvoiceDraft, bookID: Int64, at now: Timestamp, _ db: Database) throws {
        try TenantInvoiceLine.filter(TenantInvoiceLine.Columns.invoiceID == draftID).deleteAll(db)
        try TenantInvoice.filter(key: draftID).filter(TenantInvoice.Columns.status == TenantInvoiceStatus.draft).updateAll(
            db, TenantInvoice.Columns.subtotal.set(to: draft.subtotal), TenantInvoice.Columns.tax.set(to: draft.tax),
            TenantInvoice.Columns.total.set(to: draft.total), TenantInvoice.Columns.createdAt.set(to: now),
            TenantInvoice.Columns.priceBookID.set(to: bookID))
        try insertLines(draft.lines, invoiceID: draftID, db)
    }

    static func setStatus(_ status: TenantInvoiceStatus, invoiceID: Int64, at now: Timestamp, _ db: Database) throws {
        let column: TenantInvoice.Columns
        switch status {
        case .issued: column = .issuedAt
        case .paid: column = .paidAt
        case .void: column = .voidedAt
        case .draft: preconditionFailure("nothing moves an invoice back to draft")
        }
        try TenantInvoice.filter(key: invoiceID).updateAll(db, TenantInvoice.Columns.status.set(to: status), column.set(to: now))
    }

    /// The drafts waiting to be issued; read by the daily issue, so a cached statement.
    static func drafts(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT i.id FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id WHERE i.status = ? ORDER BY i.period, t.code
            """), arguments: [TenantInvoiceStatus.draft])
    }

    /// Months with a draft built before some of its tenant's usage of that month was recorded (a
    /// deferred day metered since): the draft prices less than the ledger now holds. Each draft
    /// asks for its own month's records through the (deployment, period_start) index, so the daily
    /// issue never scans the usage table.
    static func draftPeriodsWithLaterUsage(_ db: Database) throws -> [BillingPeriod] {
        var periods: [BillingPeriod] = []
        let drafts = TenantInvoice.select(TenantInvoice.Columns.tenantID, TenantInvoice.Columns.period, TenantInvoice.Columns.createdAt)
            .filter(TenantInvoice.Columns.status == TenantInvoiceStatus.draft)
        for row in try Row.fetchAll(db, drafts) {
            let period: BillingPeriod = try row.decode(forColumn: TenantInvoice.Columns.period)
            guard !periods.contains(period) else { continue }
            let later = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM deployments d JOIN usage_records u ON u.deployment_id = d.id
                               WHERE d.tenant_id = ? AND u.period_start >= ? AND u.period_start < ? AND u.recorded_at > ?)
                """, arguments: [try row.decode(forColumn: TenantInvoice.Columns.tenantID) as Int64, period.start, period.end,
                                try row.decode(forColumn: TenantInvoice.Columns.createdAt) as Timestamp]) ?? false
            if later { periods.append(period) }
        }
        return periods.sorted()
    }

    /// The invoice, which the caller knows exists (it just wrote or listed it).
    static func load(id: Int64, _ db: Database) throws -> TenantInvoice {
        guard let invoice = try TenantInvoice.load(id: id, db) else { throw TenantInvoiceStoreError.corrupt("no tenant invoice \(id)") }
        return invoice
    }

    private static func insertLines(_ lines: [TenantInvoiceLine], invoiceID: Int64, _ db: Database) throws {
        for var line in lines {
            line.invoiceID = invoiceID
            try line.insert(db)
        }
    }
}

/// A stored invoice the rollup cannot find again (the ledger was changed under it).
public enum TenantInvoiceStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case corrupt(String)
    public var description: String {
        switch self {
        case .corrupt(let what): return "the ledger holds an unreadable value: \(what)"
        }
    }
}
