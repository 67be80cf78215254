/// A column of DO's invoice CSV export, named by its exact header.
public enum InvoiceCSVColumn: String, CaseIterable, Sendable {
    case product
    case groupDescription = "group_description"
    case description
    case hours
    case start
    case end
    case usd = "USD"
    case projectName = "project_name"
    case category

    /// Today's export: these 9 columns in this order.
    public static let standard: [InvoiceCSVColumn] = allCases
    /// Exports from before July 2020: the same without `category`.
    public static let legacy: [InvoiceCSVColumn] = allCases.filter { $0 != .category }
}

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
