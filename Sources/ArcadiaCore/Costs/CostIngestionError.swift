/// Why cost ingestion could not do something. Every CSV error names where it happened (the invoice,
/// the CSV row with the header as row 1, the column, the value) so a finance engineer can open the
/// file and find it without reading code.
public enum CostIngestionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A field that does not hold what its column promises. `columnNumber` is the column's
    /// 1-based position in this file's header (columns move between exports).
    case badField(source: String, row: Int, column: String, columnNumber: Int, value: String, problem: String)
    /// A data row that cannot be read as a record of the header's shape. `columnNumber` is the
    /// first column the row lacks (or the first beyond the header), `column` its header name.
    case badRow(source: String, row: Int, columnNumber: Int, column: String?, problem: String)
    /// Required columns absent from the header (names as DO writes them).
    case missingColumns(source: String, columns: [String], header: [String])
    /// A file that has no usable header at all (empty, not UTF-8, a column twice).
    case badHeader(source: String, problem: String)
    /// The invoice source (DO's API, or a fake) failed; `operation` says which call.
    case sourceFailed(operation: String, message: String)
    /// `ingest(invoiceUUID:)` for an invoice whose header was never listed.
    case unknownInvoice(uuid: String)
    /// A header whose fields cannot be stored (e.g. a period that is not `YYYY-MM`).
    case badInvoiceHeader(uuid: String, problem: String)
    /// The ledger refused a write; nothing of that write was kept.
    case ledger(String)

    public var description: String {
        switch self {
        case .badField(let source, let row, let column, _, let value, let problem):
            "\(source): row \(row), column \(column): '\(value)' \(problem)"
        case .badRow(let source, let row, _, _, let problem):
            "\(source): row \(row): \(problem)"
        case .missingColumns(let source, let columns, let header):
            "\(source): missing required column\(columns.count == 1 ? "" : "s") "
                + columns.map { "'\($0)'" }.joined(separator: ", ")
                + " (header: \(header.joined(separator: ",")))"
        case .badHeader(let source, let problem):
            "\(source): \(problem)"
        case .sourceFailed(let operation, let message):
            "\(operation) failed: \(message)"
        case .unknownInvoice(let uuid):
            "invoice \(uuid) has not been listed"
        case .badInvoiceHeader(let uuid, let problem):
            "invoice \(uuid): \(problem)"
        case .ledger(let message):
            "ledger write failed: \(message)"
        }
    }
}
