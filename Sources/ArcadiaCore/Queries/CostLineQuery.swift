import GRDB

/// Stored invoice lines (what DO billed the platform) with their match status: platform-only data,
/// so it takes no scope.
public struct CostLineQuery: Sendable, Equatable {
    /// The lines of that month's invoices. Nil: every period.
    public var period: BillingPeriod?
    public var kind: CostKind?
    public var page: PageRequest

    public init(period: BillingPeriod? = nil, kind: CostKind? = nil, page: PageRequest = PageRequest(limit: 100)) {
        self.period = period
        self.kind = kind
        self.page = page
    }

    public struct Line: Sendable, Equatable {
        public var invoiceUUID: String
        public var period: BillingPeriod
        public var line: CostLine
        /// The resource it bills; nil when unmatched (`line.unmatchedReason` says why).
        public var matchedResource: ResourceRef?
    }

    /// The page, in a stable order: period, invoice uuid, line number (the golden `cost_lines.tsv` order).
    public func fetch(_ db: Database) throws -> QueryPage<Line> {
        var filter = SQLFilter()
        filter.add("i.period = ?", period)
        filter.add("l.kind = ?", kind)
        let from = """
            FROM cloud_cost_lines l
            JOIN cloud_invoices i ON i.id = l.cloud_invoice_id
            LEFT JOIN cloud_resources r ON r.id = l.matched_resource_id
            \(filter.sql)
            """
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: filter.arguments) ?? 0
        let rows = try Row.fetchAll(db, sql: """
            SELECT l.*, i.invoice_uuid, i.period, r.kind AS resource_kind, r.name AS resource_name, r.provider_id AS resource_provider_id
            \(from)
            ORDER BY i.period, i.invoice_uuid, l.line_no
            LIMIT ? OFFSET ?
            """, arguments: filter.arguments(with: page))
        let items = try rows.map { row in
            let line = try CostLine(row: row)
            let matched = try line.matchedResourceID.map {
                ResourceRef(id: $0, kind: try row.decode(forColumn: "resource_kind"), name: try row.decode(forColumn: "resource_name"),
                            providerID: try row.decode(forColumn: "resource_provider_id"))
            }
            return Line(invoiceUUID: try row.decode(forColumn: CloudInvoice.Columns.invoiceUUID),
                        period: try row.decode(forColumn: CloudInvoice.Columns.period), line: line, matchedResource: matched)
        }
        return QueryPage(items: items, total: total, request: page)
    }

    public func fetch(in ledger: Ledger) async throws -> QueryPage<Line> {
        try await ledger.read { try fetch($0) }
    }
}
