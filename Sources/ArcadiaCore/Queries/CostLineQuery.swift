import GRDB

/// Stored invoice lines (what DO billed the platform) with their match status: platform-only data,
/// so it takes no scope.
public struct CostLineQuery: Sendable, Equatable {
    /// An invoice period, `YYYY-MM`: the lines of that month's invoices. Nil: every period.
    public var period: String?
    public var kind: CostKind?
    public var page: PageRequest

    public init(period: String? = nil, kind: CostKind? = nil, page: PageRequest = PageRequest(limit: 100)) {
        self.period = period
        self.kind = kind
        self.page = page
    }

    public struct Line: Sendable, Equatable {
        public var invoiceUUID: String
        public var period: String
        public var line: CostLine
        /// The resource it bills; nil when unmatched (`line.unmatchedReason` says why).
        public var matchedResource: ResourceRef?
    }

    /// The page, in a stable order: period, invoice uuid, line number (the golden `cost_lines.tsv` order).
    public func fetch(_ db: Database) throws -> QueryPage<Line> {
        var filter = SQLFilter()
        filter.add("i.period = ?", period)
        filter.add("l.kind = ?", kind?.rawValue)
        let from = """
            FROM cloud_cost_lines l
            JOIN cloud_invoices i ON i.id = l.cloud_invoice_id
            LEFT JOIN cloud_resources r ON r.id = l.matched_resource_id
            \(filter.sql)
            """
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: filter.arguments) ?? 0
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.invoice_uuid, i.period, l.line_no, l.product, l.group_description, l.description, l.hours, l.start_at,
                   l.end_at, l.amount_cents, l.project_name, l.category, l.kind, l.matched_resource_id, l.unmatched_reason,
                   r.kind, r.name, r.provider_id
            \(from)
            ORDER BY i.period, i.invoice_uuid, l.line_no
            LIMIT ? OFFSET ?
            """, arguments: filter.arguments(with: page))
        let items = rows.map { row in
            let line = CostLine(lineNo: row[2], product: row[3], groupDescription: row[4], description: row[5], hours: row[6],
                                startAt: row[7], endAt: row[8], amountCents: row[9], projectName: row[10], category: row[11],
                                kind: CostKind(rawValue: row[12]), matchedResourceID: row[13], unmatchedReason: row[14])
            let matched = line.matchedResourceID.map {
                ResourceRef(id: $0, kind: ResourceKind(rawValue: row[15]), name: row[16], providerID: row[17])
            }
            return Line(invoiceUUID: row[0], period: row[1], line: line, matchedResource: matched)
        }
        return QueryPage(items: items, total: total, request: page)
    }

    public func fetch(in ledger: Ledger) async throws -> QueryPage<Line> {
        try await ledger.writer.read { try fetch($0) }
    }
}
