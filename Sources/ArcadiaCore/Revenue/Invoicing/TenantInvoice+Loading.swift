import GRDB

/// The one loader of a tenant invoice with its lines. The rollup checks what it stored through it,
/// the API's `TenantInvoiceQuery` answers with it, and the goldens' renderings print it.
extension TenantInvoice {
    /// `tenant_invoices` with the tenant's code and name, as `init(row:)` reads them.
    static let headerSQL = """
        SELECT i.*, t.code AS tenant, t.name AS tenant_name FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id
        """

    /// The invoice with its lines, or nil when there is none with this id.
    public static func load(id: Int64, _ db: Database) throws -> TenantInvoice? {
        try load(where: "i.id = ?", arguments: [id], db).first
    }

    /// The invoices whose header matches `filter` (SQL over `i`, the invoice, and `t`, its
    /// tenant), each with its lines, in the order `orderedBy` gives, one page of them if asked.
    static func load(where filter: String, arguments: StatementArguments, orderedBy order: String = "i.id", page: PageRequest? = nil,
                     _ db: Database) throws -> [TenantInvoice] {
        let window = page.map { " LIMIT \($0.limit) OFFSET \($0.offset)" } ?? ""
        var invoices = try TenantInvoice.fetchAll(db, sql: "\(headerSQL) WHERE \(filter) ORDER BY \(order)\(window)", arguments: arguments)
        for index in invoices.indices {
            invoices[index].lines = try TenantInvoiceLine.fetchAll(db, sql: """
                SELECT l.*, d.code AS deployment_code FROM tenant_invoice_lines l LEFT JOIN deployments d ON d.id = l.deployment_id
                WHERE l.invoice_id = ? ORDER BY l.line_no
                """, arguments: [invoices[index].id])
        }
        return invoices
    }
}
