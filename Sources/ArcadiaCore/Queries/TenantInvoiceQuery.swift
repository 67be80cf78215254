import GRDB

/// Tenant invoices (`tenant_invoices`, `tenant_invoice_lines`, migration `v4-revenue`): the
/// platform sees every tenant's, a tenant only its own. Asking for another tenant's invoice by id
/// finds nothing, exactly as an id that does not exist, so ids cannot be probed. Invoices are read
/// through `TenantInvoice.load`, the loader the rollup and the goldens use.
public struct TenantInvoiceQuery: Sendable, Equatable {
    public var scope: LedgerScope
    public var page: PageRequest

    public init(scope: LedgerScope, page: PageRequest = PageRequest(limit: 100)) {
        self.scope = scope
        self.page = page
    }

    /// The page, in a stable order: period, tenant code, id; each invoice with its lines.
    public func fetch(_ db: Database) throws -> QueryPage<TenantInvoice> {
        var filter = SQLFilter()
        filter.add("t.code = ?", scope.tenantCode)
        let total = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id \(filter.sql)
            """, arguments: filter.arguments) ?? 0
        let items = try TenantInvoice.load(where: filter.condition, arguments: filter.arguments, orderedBy: "i.period, t.code, i.id",
                                           page: page, db)
        return QueryPage(items: items, total: total, request: page)
    }

    public func fetch(in ledger: Ledger) async throws -> QueryPage<TenantInvoice> {
        try await ledger.read { try fetch($0) }
    }

    /// The invoice and its lines in line order, or nil when it does not exist *or is not in scope*.
    public static func invoice(id: Int64, scope: LedgerScope, _ db: Database) throws -> TenantInvoice? {
        var filter = SQLFilter()
        filter.add("i.id = ?", id)
        filter.add("t.code = ?", scope.tenantCode)
        return try TenantInvoice.load(where: filter.condition, arguments: filter.arguments, db).first
    }

    public static func invoice(id: Int64, scope: LedgerScope, in ledger: Ledger) async throws -> TenantInvoice? {
        try await ledger.read { try invoice(id: id, scope: scope, $0) }
    }
}
