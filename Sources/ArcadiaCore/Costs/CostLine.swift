/// One stored invoice line (`cloud_cost_lines`): the CSV fields, the derived kind and the match.
/// Equality over every stored column is what makes re-ingest idempotent: an unchanged line set
/// is not rewritten.
public struct CostLine: Sendable, Equatable {
    public var lineNo: Int
    public var product: String
    public var groupDescription: String?
    public var description: String
    public var hours: Int?
    /// ISO-8601 UTC text, as every ledger time.
    public var startAt: String
    public var endAt: String
    public var amountCents: Int64
    public var projectName: String?
    public var category: String?
    public var kind: CostKind
    /// The `cloud_resources.id` it bills; nil when unmatched.
    public var matchedResourceID: Int64?
    /// `UnmatchedReason.text`; nil when matched.
    public var unmatchedReason: String?

    public var isMatched: Bool { matchedResourceID != nil }

    init(_ line: InvoiceCSVLine, kind: CostKind, outcome: CostLineMatcher.Outcome) {
        lineNo = line.lineNo
        product = line.product
        groupDescription = line.groupDescription
        description = line.description
        hours = line.hours
        startAt = line.start.iso8601
        endAt = line.end.iso8601
        amountCents = line.amountCents
        projectName = line.projectName
        category = line.category
        self.kind = kind
        switch outcome {
        case .matched(let id): matchedResourceID = id
        case .unmatched(let reason): unmatchedReason = reason.text
        }
    }

    init(lineNo: Int, product: String, groupDescription: String?, description: String, hours: Int?, startAt: String,
         endAt: String, amountCents: Int64, projectName: String?, category: String?, kind: CostKind,
         matchedResourceID: Int64?, unmatchedReason: String?) {
        self.lineNo = lineNo
        self.product = product
        self.groupDescription = groupDescription
        self.description = description
        self.hours = hours
        self.startAt = startAt
        self.endAt = endAt
        self.amountCents = amountCents
        self.projectName = projectName
        self.category = category
        self.kind = kind
        self.matchedResourceID = matchedResourceID
        self.unmatchedReason = unmatchedReason
    }
}
