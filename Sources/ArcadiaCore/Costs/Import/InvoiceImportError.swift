import MoneyAndTime

/// Why an import wrote nothing. Errors about a file's content name it the way compilers do,
/// `FILE.csv:ROW:COLUMN: message`, the column as its 1-based number in that file's header and its
/// name, so an editor or a CI log jumps straight to the cell. Every import is one transaction: any
/// of these leaves the ledger as it was.
public enum InvoiceImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be parsed (`InvoiceCSV`'s rules).
    case csv(file: String, CostIngestionError)
    /// Header only: no row to take the month from.
    case emptyExport(file: String)
    /// A row outside the billing month of the export's first row: an export holds one month.
    case rowOutsideMonth(file: String, row: Int, columnNumber: Int, column: String, value: String, period: BillingPeriod, firstRow: Int)
    /// Two files of one import hold the same month.
    case sameMonthTwice(file: String, period: BillingPeriod, otherFile: String)
    /// The month has not ended: DO invoices a month once it is over, and a month still running
    /// would be taken for a whole one (repriced, its usage complete).
    case monthNotOver(file: String, period: BillingPeriod, now: Timestamp)
    /// The month was ingested from DigitalOcean's API; only `--replace` replaces its lines.
    case apiMonth(file: String, period: BillingPeriod, invoiceUUID: String)
    /// The ledger holds several invoices for the month: the import cannot tell which one it replaces.
    case ambiguousMonth(file: String, period: BillingPeriod, invoiceUUIDs: [String])
    /// `--deployment CODE` names no deployment.
    case unknownDeployment(code: String, known: [String])
    /// The month's lines are as imported before, but these options derive other usage from them.
    case derivationWouldChange(file: String, period: BillingPeriod, records: Int, wouldBe: Int)
    /// The ledger refused a write; nothing of the import was kept.
    case ledger(String)

    public var description: String {
        switch self {
        case .csv(let file, let error):
            Self.describe(error, file: file)
        case .emptyExport(let file):
            "\(file):1:1: the export has a header but no rows, so no billing month to key it by"
        case .rowOutsideMonth(let file, let row, let number, let column, let value, let period, let firstRow):
            "\(file):\(row):\(number): column \(column): '\(value)' is outside \(period), the month of row \(firstRow); "
                + "an export holds one billing month (split it, one file per month)"
        case .sameMonthTwice(let file, let period, let otherFile):
            file == otherFile ? "\(file) is named twice; name each export once"
                : "\(file): holds \(period), as does \(otherFile); import one export per month"
        case .monthNotOver(let file, let period, let now):
            "\(file): holds \(period), which has not ended (it is \(now.iso8601)); DigitalOcean invoices a month once it is over"
        case .apiMonth(let file, let period, let uuid):
            "\(file): \(period) was ingested from DigitalOcean's API (invoice \(uuid)); pass --replace to replace its lines with this export's"
        case .ambiguousMonth(let file, let period, let uuids):
            "\(file): the ledger holds \(uuids.count) invoices for \(period) (\(uuids.joined(separator: ", "))); the import cannot tell which to replace"
        case .unknownDeployment(let code, let known):
            "--deployment \(code): no deployment has that code; "
                + (known.isEmpty ? "the ledger has no deployments (import them with `arcadia import tenants`)" : "deployments: \(known.joined(separator: ", "))")
        case .derivationWouldChange(let file, let period, let records, let wouldBe):
            "\(file): \(period) is imported already with these lines, and its derived usage (\(records) record\(records == 1 ? "" : "s")) came "
                + "from other options: these would give \(wouldBe) and place its costs differently. Give the --project-map or --deployment "
                + "of that import, or pass --rederive to derive the month again with these; nothing was imported"
        case .ledger(let message):
            "ledger write failed, nothing was imported: \(message)"
        }
    }

    /// A parse error at its cell: header problems at row 1, column 1.
    private static func describe(_ error: CostIngestionError, file: String) -> String {
        switch error {
        case .badField(_, let row, let column, let number, let value, let problem):
            "\(file):\(row):\(number): column \(column): '\(value)' \(problem)"
        case .badRow(_, let row, let number, let column, let problem):
            "\(file):\(row):\(number): " + (column.map { "column \($0): missing, " } ?? "") + "the row has \(problem)"
                + (column == nil ? "" : " (a truncated file, or an unterminated quote)")
        case .missingColumns(_, let columns, let header):
            "\(file):1:1: missing required column\(columns.count == 1 ? "" : "s") " + columns.map { "'\($0)'" }.joined(separator: ", ")
                + " (header: \(header.joined(separator: ",")))"
        case .badHeader(_, let problem):
            "\(file):1:1: \(problem)"
        default:
            "\(file): \(error)"
        }
    }
}
