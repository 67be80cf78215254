import GRDB

/// Tenant invoices (`tenant_invoices`, `tenant_invoice_lines`, migration `v4-revenue`): the
/// platform sees every tenant's, a tenant only its own. Asking for another tenant's invoice by id
/// finds nothing, exactly as an id that does not exist, so ids cannot be probed.
public struct TenantInvoiceQuery: Sendable, Equatable {
    public var scope: LedgerScope
    public var page: PageRequest

    public init(scope: LedgerScope, page: PageRequest = PageRequest(limit: 100)) {
        self.scope = scope
        self.page = page
    }

    public struct Invoice: Sendable, Equatable {
        public var id: Int64
        public var tenant: String
        public var tenantName: String
        /// `YYYY-MM`.
        public var period: String
        public var currency: String
        public var subtotalCents: Int64
        public var taxCents: Int64
        public var totalCents: Int64
        /// `draft`, `issued`, `paid` or `void`.
        public var status: String
        public var createdAt: String
        public var issuedAt: String?
        public var paidAt: String?
        public var voidedAt: String?
        public var lineCount: Int
    }

    public struct Line: Sendable, Equatable {
        public var lineNo: Int
        /// `plan_base`, `addon`, `overage` or `tax`.
        public var lineType: String
        /// The deployment's code; nil exactly for the tenant-level tax line.
        public var deployment: String?
        public var subscriptionID: Int64?
        /// The billing kind of an overage line.
        public var billingKind: String?
        public var description: String
        /// Exact decimal text, as stored.
        public var quantity: String
        /// Dollars per unit, exact decimal text, as stored.
        public var unitPrice: String
        public var amountCents: Int64
    }

    private static let columns = """
        SELECT i.id, t.code, t.name, i.period, i.currency, i.subtotal_cents, i.tax_cents, i.total_cents, i.status, i.created_at,
               i.issued_at, i.paid_at, i.voided_at, (SELECT COUNT(*) FROM tenant_invoice_lines l WHERE l.invoice_id = i.id)
        FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id
        """

    /// The page, in a stable order: period, tenant code, id.
    public func fetch(_ db: Database) throws -> QueryPage<Invoice> {
        var filter = SQLFilter()
        filter.add("t.code = ?", scope.tenantCode)
        let total = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id \(filter.sql)
            """, arguments: filter.arguments) ?? 0
        let rows = try Row.fetchAll(db, sql: "\(Self.columns) \(filter.sql) ORDER BY i.period, t.code, i.id LIMIT ? OFFSET ?",
                                    arguments: filter.arguments(with: page))
        return QueryPage(items: rows.map(Self.invoice), total: total, request: page)
    }

    public func fetch(in ledger: Ledger) async throws -> QueryPage<Invoice> {
        try await ledger.writer.read { try fetch($0) }
    }

    /// The invoice and its lines in line order, or nil when it does not exist *or is not in scope*.
    public static func invoice(id: Int64, scope: LedgerScope, _ db: Database) throws -> (invoice: Invoice, lines: [Line])? {
        var filter = SQLFilter()
        filter.add("i.id = ?", id)
        filter.add("t.code = ?", scope.tenantCode)
        guard let row = try Row.fetchOne(db, sql: "\(columns) \(filter.sql)", arguments: filter.arguments) else { return nil }
        let lines = try Row.fetchAll(db, sql: """
            SELECT l.line_no, l.line_type, d.code, l.subscription_id, l.resource_kind, l.description, l.quantity, l.unit_price,
                   l.amount_cents
            FROM tenant_invoice_lines l LEFT JOIN deployments d ON d.id = l.deployment_id
            WHERE l.invoice_id = ? ORDER BY l.line_no
            """, arguments: [id]).map { row in
            Line(lineNo: row[0], lineType: row[1], deployment: row[2], subscriptionID: row[3], billingKind: row[4],
                 description: row[5], quantity: row[6], unitPrice: row[7], amountCents: row[8])
        }
        return (invoice(row), lines)
    }

    public static func invoice(id: Int64, scope: LedgerScope, in ledger: Ledger) async throws -> (invoice: Invoice, lines: [Line])? {
        try await ledger.writer.read { try invoice(id: id, scope: scope, $0) }
    }

    private static func invoice(_ row: Row) -> Invoice {
        Invoice(id: row[0], tenant: row[1], tenantName: row[2], period: row[3], currency: row[4], subtotalCents: row[5],
                taxCents: row[6], totalCents: row[7], status: row[8], createdAt: row[9], issuedAt: row[10], paidAt: row[11],
                voidedAt: row[12], lineCount: row[13])
    }
}
