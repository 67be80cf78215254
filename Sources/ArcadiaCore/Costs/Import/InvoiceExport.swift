import DigitalOcean
import Foundation
import MoneyAndTime

/// One invoice export file as the user gave it (`arcadia import do-invoice FILE.csv…`): its name,
/// as it appears in messages, and its bytes. The engine never reads the file system.
public struct InvoiceExport: Sendable, Equatable {
    public var file: String
    public var data: Data

    public init(file: String, data: Data) {
        self.file = file
        self.data = data
    }
}

/// An export parsed and keyed by its billing month. DO's export carries no invoice id or total, so
/// the month is the key: the month of the first row's `start`. Every row must start in that month
/// and end by the first instant of the next (DO ends a whole-month line at `…-01 00:00:00` of the
/// next month or at the month's last second); a row outside it is an error naming the row.
struct KeyedExport {
    var file: String
    var period: BillingPeriod
    var lines: [InvoiceCSVLine]

    init(_ export: InvoiceExport) throws(InvoiceImportError) {
        file = export.file
        let parsed: (lines: [InvoiceCSVLine], columns: [InvoiceCSVColumn: Int])
        do {
            parsed = try InvoiceCSV.parseFile(data: export.data, source: export.file)
        } catch {
            throw .csv(file: export.file, error)
        }
        guard let first = parsed.lines.first else { throw .emptyExport(file: export.file) }
        period = BillingPeriod(containing: first.start)
        lines = parsed.lines
        for line in lines {
            let outside: InvoiceCSVColumn? = BillingPeriod(containing: line.start) != period ? .start : line.end > period.end ? .end : nil
            guard let column = outside else { continue }
            throw .rowOutsideMonth(file: file, row: line.csvRow, columnNumber: (parsed.columns[column] ?? 0) + 1, column: column.rawValue,
                                   value: (column == .start ? line.start : line.end).doCSV, period: period, firstRow: first.csvRow)
        }
    }

    /// Σ of the lines' cents: an imported month's amount (the export has no total of its own).
    var amountCents: Int64 { lines.reduce(0) { $0 + $1.amountCents } }
}
