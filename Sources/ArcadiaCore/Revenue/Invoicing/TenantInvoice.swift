import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// A tenant's invoice for one period: its `tenant_invoices` row, the tenant's code and name, and
/// its lines. The one Swift view of a tenant invoice: the rollup, the API and the goldens all read
/// it through `TenantInvoice.load` (`TenantInvoice+Loading.swift`).
public struct TenantInvoice: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tenant_invoices"

    public enum Columns: String, ColumnExpression {
        case id, tenantID = "tenant_id", period, currency, subtotal = "subtotal_cents", tax = "tax_cents", total = "total_cents"
        case status, createdAt = "created_at", issuedAt = "issued_at", paidAt = "paid_at", voidedAt = "voided_at"
        case priceBookID = "price_book_id"
    }

    public var id: Int64
    public var tenantID: Int64
    /// The tenant's code and name (from `tenants`, not columns of this table).
    public var tenant: String
    public var tenantName: String
    public var period: BillingPeriod
    public var currency: String
    public var status: TenantInvoiceStatus
    public var subtotal: Money
    public var tax: Money
    public var total: Money
    public var createdAt: Timestamp
    public var issuedAt: Timestamp?
    public var paidAt: Timestamp?
    public var voidedAt: Timestamp?
    /// The book that priced it (`price_books.id`), as the rollup wrote it; nil only for an invoice
    /// of a ledger migrated with no book in effect at its period's start (`TenantInvoice.migratePriceBook`).
    public var priceBookID: Int64?
    /// By `line_no`.
    public var lines: [TenantInvoiceLine]

    public init(id: Int64, tenantID: Int64 = 0, tenant: String, tenantName: String = "", period: BillingPeriod, currency: String = "USD",
                status: TenantInvoiceStatus, subtotal: Money, tax: Money, total: Money, createdAt: Timestamp, issuedAt: Timestamp?,
                paidAt: Timestamp?, voidedAt: Timestamp?, priceBookID: Int64? = nil, lines: [TenantInvoiceLine]) {
        self.id = id
        self.tenantID = tenantID
        self.tenant = tenant
        self.tenantName = tenantName
        self.period = period
        self.currency = currency
        self.status = status
        self.subtotal = subtotal
        self.tax = tax
        self.total = total
        self.createdAt = createdAt
        self.issuedAt = issuedAt
        self.paidAt = paidAt
        self.voidedAt = voidedAt
        self.priceBookID = priceBookID
        self.lines = lines
    }

    /// A row of `tenant_invoices` joined with its tenant (`tenant`, `tenant_name`); the lines are
    /// loaded apart.
    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        tenantID = try row.decode(forColumn: Columns.tenantID)
        tenant = try row.decode(forColumn: "tenant")
        tenantName = try row.decode(forColumn: "tenant_name")
        period = try row.decode(forColumn: Columns.period)
        currency = try row.decode(forColumn: Columns.currency)
        status = try row.decode(forColumn: Columns.status)
        subtotal = try row.decode(forColumn: Columns.subtotal)
        tax = try row.decode(forColumn: Columns.tax)
        total = try row.decode(forColumn: Columns.total)
        createdAt = try row.decode(forColumn: Columns.createdAt)
        issuedAt = try row.decode(forColumn: Columns.issuedAt)
        paidAt = try row.decode(forColumn: Columns.paidAt)
        voidedAt = try row.decode(forColumn: Columns.voidedAt)
        priceBookID = try row.decode(forColumn: Columns.priceBookID)
        lines = []
    }

    /// The header's own columns; the lines are rows of their own.
    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.tenantID] = tenantID
        container[Columns.period] = period
        container[Columns.currency] = currency
        container[Columns.status] = status
        container[Columns.subtotal] = subtotal
        container[Columns.tax] = tax
        container[Columns.total] = total
        container[Columns.createdAt] = createdAt
        container[Columns.issuedAt] = issuedAt
        container[Columns.paidAt] = paidAt
        container[Columns.voidedAt] = voidedAt
        container[Columns.priceBookID] = priceBookID
    }
}
