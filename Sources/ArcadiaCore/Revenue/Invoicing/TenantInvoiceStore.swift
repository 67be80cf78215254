import DigitalOcean
import Foundation
import GRDB

/// The SQL behind the rollup: tenants and their subscriptions (written by the tenancy code), and
/// `tenant_invoices` / `tenant_invoice_lines`. Every function runs inside the caller's transaction.
enum TenantInvoiceStore {
    struct Tenant: Equatable {
        var id: Int64
        var code: String
        var country: String
    }

    /// An invoice's identity and state, enough to decide what a rollup or a transition may do.
    struct Header: Equatable {
        var id: Int64
        var status: TenantInvoiceStatus
    }

    /// A subscription as the rollup bills it.
    struct Subscription: Equatable {
        var id: Int64
        var deploymentID: Int64
        var deploymentCode: String
        var planCode: String
        var addonCodes: [String]
        var startedAt: Timestamp
        var endedAt: Timestamp?
    }

    static func tenants(_ db: Database) throws -> [Tenant] {
        try Row.fetchAll(db, sql: "SELECT id, code, country FROM tenants ORDER BY code").map {
            Tenant(id: $0["id"], code: $0["code"], country: $0["country"])
        }
    }

    static func tenant(code: String, _ db: Database) throws -> Tenant? {
        try Row.fetchOne(db, sql: "SELECT id, code, country FROM tenants WHERE code = ?", arguments: [code]).map {
            Tenant(id: $0["id"], code: $0["code"], country: $0["country"])
        }
    }

    /// The tenant's invoice for the period that is not void (at most one: a partial unique index).
    static func current(tenantID: Int64, period: BillingPeriod, _ db: Database) throws -> Header? {
        try Row.fetchOne(db, sql: "SELECT id, status FROM tenant_invoices WHERE tenant_id = ? AND period = ? AND status <> 'void'",
                         arguments: [tenantID, period.description]).map { Header(id: $0["id"], status: try status($0["status"])) }
    }

    /// Whether any subscription overlaps the period.
    static func anySubscription(overlapping period: BillingPeriod, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM subscriptions WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?))",
                          arguments: [period.end.iso8601, period.start.iso8601]) ?? false
    }

    /// The tenant's subscriptions overlapping the period, by deployment code, then start.
    static func subscriptions(tenantID: Int64, period: BillingPeriod, _ db: Database) throws -> [Subscription] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.id, s.deployment_id, d.code, s.plan_code, s.started_at, s.ended_at
            FROM subscriptions s JOIN deployments d ON d.id = s.deployment_id
            WHERE d.tenant_id = ? AND s.started_at < ? AND (s.ended_at IS NULL OR s.ended_at > ?)
            ORDER BY d.code, s.started_at, s.id
            """, arguments: [tenantID, period.end.iso8601, period.start.iso8601])
        return try rows.map { row in
            let id: Int64 = row["id"]
            return Subscription(
                id: id, deploymentID: row["deployment_id"], deploymentCode: row["code"], planCode: row["plan_code"],
                addonCodes: try String.fetchAll(db, sql: "SELECT addon_code FROM subscription_addons WHERE subscription_id = ? ORDER BY addon_code",
                                                arguments: [id]),
                startedAt: try time(row["started_at"], "subscriptions.started_at"),
                endedAt: try (row["ended_at"] as String?).map { try time($0, "subscriptions.ended_at") })
        }
    }

    /// The billing windows of the subscriptions an invoice's lines name (for the invariants).
    static func billedSubscriptions(of invoice: TenantInvoice, _ db: Database) throws -> [Int64: InvoiceInvariants.BilledSubscription] {
        var result: [Int64: InvoiceInvariants.BilledSubscription] = [:]
        for id in Set(invoice.lines.compactMap(\.subscriptionID)) {
            guard let row = try Row.fetchOne(db, sql: "SELECT deployment_id, started_at, ended_at FROM subscriptions WHERE id = ?",
                                             arguments: [id]) else { continue }
            let started = try time(row["started_at"], "subscriptions.started_at")
            let ended = try (row["ended_at"] as String?).map { try time($0, "subscriptions.ended_at") }
            let window = BillingWindow(startedAt: started, endedAt: ended, in: invoice.period)
                ?? BillingWindow(from: invoice.period.start, to: invoice.period.start)
            result[id] = .init(deploymentID: row["deployment_id"], window: window)
        }
        return result
    }

    static func insert(tenantID: Int64, period: BillingPeriod, draft: TenantInvoiceDraft, at now: Timestamp, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO tenant_invoices (tenant_id, period, subtotal_cents, tax_cents, total_cents, status, created_at)
            VALUES (?, ?, ?, ?, ?, 'draft', ?)
            """, arguments: [tenantID, period.description, draft.subtotal.cents, draft.tax.cents, draft.total.cents, now.iso8601])
        let id = db.lastInsertedRowID
        try insertLines(draft.lines, invoiceID: id, db)
        return id
    }

    /// A forced rebuild: the draft keeps its id, gets the new figures and lines, and is created anew.
    static func replace(draftID: Int64, with draft: TenantInvoiceDraft, at now: Timestamp, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM tenant_invoice_lines WHERE invoice_id = ?", arguments: [draftID])
        try db.execute(sql: """
            UPDATE tenant_invoices SET subtotal_cents = ?, tax_cents = ?, total_cents = ?, created_at = ? WHERE id = ? AND status = 'draft'
            """, arguments: [draft.subtotal.cents, draft.tax.cents, draft.total.cents, now.iso8601, draftID])
        try insertLines(draft.lines, invoiceID: draftID, db)
    }

    static func setStatus(_ status: TenantInvoiceStatus, invoiceID: Int64, at now: Timestamp, _ db: Database) throws {
        let column: String
        switch status {
        case .issued: column = "issued_at"
        case .paid: column = "paid_at"
        case .void: column = "voided_at"
        case .draft: preconditionFailure("nothing moves an invoice back to draft")
        }
        try db.execute(sql: "UPDATE tenant_invoices SET status = ?, \(column) = ? WHERE id = ?", arguments: [status.rawValue, now.iso8601, invoiceID])
    }

    static func drafts(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT i.id FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id WHERE i.status = 'draft' ORDER BY i.period, t.code
            """)
    }

    static func load(id: Int64, _ db: Database) throws -> TenantInvoice {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT i.period, i.status, i.subtotal_cents, i.tax_cents, i.total_cents, i.created_at, i.issued_at, i.paid_at, i.voided_at, t.code
            FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id WHERE i.id = ?
            """, arguments: [id]) else { throw TenantInvoiceStoreError.corrupt("no tenant invoice \(id)") }
        let periodText: String = row["period"]
        guard let period = BillingPeriod(periodText) else { throw TenantInvoiceStoreError.corrupt("tenant_invoices.period '\(periodText)'") }
        let lines = try Row.fetchAll(db, sql: """
            SELECT line_no, line_type, deployment_id, subscription_id, resource_kind, description, quantity, unit_price, amount_cents
            FROM tenant_invoice_lines WHERE invoice_id = ? ORDER BY line_no
            """, arguments: [id]).map { line in
                let type: String = line["line_type"]
                guard let kind = TenantInvoiceLine.Kind(rawValue: type) else { throw TenantInvoiceStoreError.corrupt("line_type '\(type)'") }
                return TenantInvoiceLine(
                    lineNo: line["line_no"], kind: kind, deploymentID: line["deployment_id"], subscriptionID: line["subscription_id"],
                    resourceKind: (line["resource_kind"] as String?).map(BillingKind.init(rawValue:)), description: line["description"],
                    quantity: try decimal(line["quantity"], "tenant_invoice_lines.quantity"),
                    unitPrice: try decimal(line["unit_price"], "tenant_invoice_lines.unit_price"),
                    amount: Money(cents: line["amount_cents"]))
            }
        func optionalTime(_ column: String) throws -> Timestamp? {
            try (row[column] as String?).map { try time($0, "tenant_invoices.\(column)") }
        }
        return TenantInvoice(
            id: id, tenant: row["code"], period: period, status: try status(row["status"]),
            subtotal: Money(cents: row["subtotal_cents"]), tax: Money(cents: row["tax_cents"]), total: Money(cents: row["total_cents"]),
            createdAt: try time(row["created_at"], "tenant_invoices.created_at"), issuedAt: try optionalTime("issued_at"),
            paidAt: try optionalTime("paid_at"), voidedAt: try optionalTime("voided_at"), lines: lines)
    }

    private static func insertLines(_ lines: [TenantInvoiceLine], invoiceID: Int64, _ db: Database) throws {
        for line in lines {
            try db.execute(sql: """
                INSERT INTO tenant_invoice_lines (invoice_id, line_no, line_type, deployment_id, subscription_id, resource_kind,
                                                  description, quantity, unit_price, amount_cents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [invoiceID, line.lineNo, line.kind.rawValue, line.deploymentID, line.subscriptionID, line.resourceKind?.rawValue,
                                 line.description, DecimalText.format(line.quantity), DecimalText.format(line.unitPrice), line.amount.cents])
        }
    }

    private static func status(_ text: String) throws -> TenantInvoiceStatus {
        guard let status = TenantInvoiceStatus(rawValue: text) else { throw TenantInvoiceStoreError.corrupt("status '\(text)'") }
        return status
    }

    private static func time(_ text: String, _ column: String) throws -> Timestamp {
        guard let time = Timestamp(iso8601: text) else { throw TenantInvoiceStoreError.corrupt("\(column) '\(text)'") }
        return time
    }

    private static func decimal(_ text: String, _ column: String) throws -> Decimal {
        guard let value = DecimalText.parse(text) else { throw TenantInvoiceStoreError.corrupt("\(column) '\(text)'") }
        return value
    }
}

/// A stored value the rollup cannot read back (the ledger was written by something else).
public enum TenantInvoiceStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case corrupt(String)
    public var description: String {
        switch self {
        case .corrupt(let what): return "the ledger holds an unreadable value: \(what)"
        }
    }
}
