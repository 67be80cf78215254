/// How `corruptNextCSV` spoils one CSV download, so ingestion can be tested against bad input.
public enum CSVCorruption: Sendable, Equatable {
    /// The first data row's `USD` becomes `$abc`.
    case badAmount
    /// The first data row's `start` becomes `31/04/2026 00:00` (a day-first, impossible date).
    case badDate
    /// The column is dropped from the header and every row.
    case missingColumn(InvoiceCSVColumn)
    /// The download stops halfway through the last row: no final newline, a short last record.
    case truncated
}
