import DigitalOcean
import GRDB
import MoneyAndTime

/// One stored invoice line (`cloud_cost_lines`): the CSV fields, the derived kind and the match.
/// Equality over every stored column is what makes re-ingest idempotent: an unchanged line set
/// is not rewritten.
public struct CostLine: Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "cloud_cost_lines"

    public enum Columns: String, ColumnExpression {
        case id, invoiceRowID = "cloud_invoice_id", lineNo = "line_no", product, groupDescription = "group_description"
        case description, hours, startAt = "start_at", endAt = "end_at", amountCents = "amount_cents"
        case projectName = "project_name", category, kind, matchedResourceID = "matched_resource_id"
        case matchStatus = "match_status", unmatchedReason = "unmatched_reason"
    }

    /// The `cloud_invoices.id` of the invoice it is a line of.
    public var invoiceRowID: Int64
    public var lineNo: Int
    public var product: String
    public var groupDescription: String?
    public var description: String
    public var hours: Int?
    public var startAt: Timestamp
    public var endAt: Timestamp
    public var amountCents: Int64
    public var projectName: String?
    public var category: String?
    public var kind: CostKind
    /// The `cloud_resources.id` it bills; nil when unmatched.
    public var matchedResourceID: Int64?
    /// `UnmatchedReason.text`; nil when matched.
    public var unmatchedReason: String?

    public var isMatched: Bool { matchedResourceID != nil }
    public var matchStatus: CostMatchStatus { isMatched ? .matched : .unmatched }

    init(_ line: InvoiceCSVLine, invoiceRowID: Int64, kind: CostKind, outcome: CostLineMatcher.Outcome) {
        self.invoiceRowID = invoiceRowID
        lineNo = line.lineNo
        product = line.product
        groupDescription = line.groupDescription
        description = line.description
        hours = line.hours
        startAt = line.start
        endAt = line.end
        amountCents = line.amountCents
        projectName = line.projectName
        category = line.category
        self.kind = kind
        switch outcome {
        case .matched(let id): matchedResourceID = id
        case .unmatched(let reason): unmatchedReason = reason.text
        }
    }

    public init(row: Row) throws {
        invoiceRowID = try row.decode(forColumn: Columns.invoiceRowID)
        lineNo = try row.decode(forColumn: Columns.lineNo)
        product = try row.decode(forColumn: Columns.product)
        groupDescription = try row.decode(forColumn: Columns.groupDescription)
        description = try row.decode(forColumn: Columns.description)
        hours = try row.decode(forColumn: Columns.hours)
        startAt = try row.decode(forColumn: Columns.startAt)
        endAt = try row.decode(forColumn: Columns.endAt)
        amountCents = try row.decode(forColumn: Columns.amountCents)
        projectName = try row.decode(forColumn: Columns.projectName)
        category = try row.decode(forColumn: Columns.category)
        kind = try row.decode(forColumn: Columns.kind)
        matchedResourceID = try row.decode(forColumn: Columns.matchedResourceID)
        unmatchedReason = try row.decode(forColumn: Columns.unmatchedReason)
    }

    /// The stored columns in insert order, and `insertArguments` in the same order: an invoice
    /// writes a line for every resource of the month (a thousand for a large fleet), and GRDB's
    /// per-record insert (a column dictionary, the SQL text built and looked up again) cost more
    /// than SQLite's own work, so `CostLineStore` runs one compiled statement for them all.
    static var insertedColumns: [Columns] {
        [.invoiceRowID, .lineNo, .product, .groupDescription, .description, .hours, .startAt, .endAt, .amountCents,
         .projectName, .category, .kind, .matchedResourceID, .matchStatus, .unmatchedReason]
    }

    var insertArguments: StatementArguments {
        [invoiceRowID, lineNo, product, groupDescription, description, hours, startAt, endAt, amountCents,
         projectName, category, kind, matchedResourceID, matchStatus, unmatchedReason]
    }
}
