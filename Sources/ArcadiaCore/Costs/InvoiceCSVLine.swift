import DigitalOcean
import MoneyAndTime

/// One data row of a DigitalOcean invoice CSV, typed. Optional text columns are nil when the
/// column is absent (the older 8-column export has no `category`) or the field is empty.
public struct InvoiceCSVLine: Sendable, Equatable {
    /// 1-based position among the data rows, in file order: what `cloud_cost_lines.line_no` keeps.
    public var lineNo: Int
    /// The CSV row it came from (header = row 1; a blank line still counts as a row), for messages.
    public var csvRow: Int
    public var product: String
    public var groupDescription: String?
    public var description: String
    /// Whole hours billed; nil when blank, as on tax rows.
    public var hours: Int?
    public var start: Timestamp
    public var end: Timestamp
    public var amountCents: Int64
    public var projectName: String?
    public var category: String?

    public init(lineNo: Int, csvRow: Int, product: String, groupDescription: String? = nil, description: String,
                hours: Int?, start: Timestamp, end: Timestamp, amountCents: Int64, projectName: String? = nil,
                category: String? = nil) {
        self.lineNo = lineNo
        self.csvRow = csvRow
        self.product = product
        self.groupDescription = groupDescription
        self.description = description
        self.hours = hours
        self.start = start
        self.end = end
        self.amountCents = amountCents
        self.projectName = projectName
        self.category = category
    }
}
