import DigitalOcean
import Foundation
import MoneyAndTime

/// DigitalOcean's invoice CSV export read into typed lines.
///
/// Records come from CSV.swift (through `CSVPieces`), which follows RFC 4180 (quoted fields may
/// hold commas, doubled quotes and line breaks; CRLF or LF line ends) and hands back whole records,
/// so the row number in an error is exact: the header is row 1 and every record after it, a blank
/// line included, is the next row. (A quoted field spanning two physical lines is still one row.)
public enum InvoiceCSV {
    /// Parses an invoice CSV. `source` names the invoice in error messages
    /// (e.g. `invoice 2026-04 (22737513-…)`).
    ///
    /// Rules: UTF-8 with an optional BOM; the header is found by name (any order, extra columns
    /// ignored; `product`, `description`, `USD`, `start` and `end` required); every record must
    /// have the header's number of fields; blank lines are skipped; amounts are dollars with at
    /// most two decimals (`$3.11`, `-$1.00`); times are `YYYY-MM-DD HH:MM:SS +0000` (any ISO-8601
    /// form with a zone is accepted too); `hours` is blank or a whole number; `end` is not before
    /// `start`; `product` is not empty; every amount is at most `Money.largest` either way and
    /// there are at most `maximumRows` rows, so the lines' sum (at most 10¹⁷ cents) and its
    /// difference from the invoice amount cannot overflow.
    public static func parse(data: Data, source: String) throws(CostIngestionError) -> [InvoiceCSVLine] {
        try parseFile(data: data, source: source).lines
    }

    /// The lines and where each known column sits in this file's header (0-based), for messages
    /// that name a cell by its column number (`arcadia import do-invoice`).
    static func parseFile(data: Data, source: String) throws(CostIngestionError) -> (lines: [InvoiceCSVLine], columns: [InvoiceCSVColumn: Int]) {
        guard var text = String(bytes: data, encoding: .utf8) else {
            throw .badHeader(source: source, problem: "the file is not UTF-8 text")
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text = String(text.unicodeScalars.dropFirst()) }
        let records: [[String]]
        do {
            records = try CSVPieces.records(of: text, limit: maximumRows + 1)
        } catch {
            throw .badHeader(source: source, problem: "unreadable CSV: \(error)")
        }
        guard let header = records.first, header != [""] else {
            throw .badHeader(source: source, problem: "the file is empty (no header row)")
        }
        let columns = try columnIndexes(header: header, source: source)
        var lines: [InvoiceCSVLine] = []
        var row = 1
        for record in records.dropFirst() {
            row += 1
            guard row <= maximumRows else {
                throw .badRow(source: source, row: row, columnNumber: 1, column: nil, problem: "more than \(maximumRows) rows; an invoice CSV this long is not DO's")
            }
            if record == [""] { continue }
            guard record.count == header.count else {
                let firstOff = min(record.count, header.count)
                throw .badRow(source: source, row: row, columnNumber: firstOff + 1, column: record.count < header.count ? header[firstOff] : nil,
                              problem: "\(record.count) fields where the header has \(header.count)")
            }
            let fields = RowFields(record: record, columns: columns, row: row, source: source)
            lines.append(try fields.line(lineNo: lines.count + 1))
        }
        return (lines, columns)
    }

    /// The most rows (the header included) an invoice CSV may have.
    public static let maximumRows = 1_000_000

    /// Where each known column sits in this file's header.
    private static func columnIndexes(header: [String], source: String) throws(CostIngestionError) -> [InvoiceCSVColumn: Int] {
        var indexes: [InvoiceCSVColumn: Int] = [:]
        for (index, cell) in header.enumerated() {
            guard let column = InvoiceCSVColumn(headerCell: cell) else { continue }
            guard indexes[column] == nil else {
                throw .badHeader(source: source, problem: "column \(column.rawValue) appears twice in the header")
            }
            indexes[column] = index
        }
        let missing = InvoiceCSVColumn.allCases.filter { $0.isRequired && indexes[$0] == nil }.map(\.rawValue)
        guard missing.isEmpty else { throw .missingColumns(source: source, columns: missing, header: header) }
        return indexes
    }
}

/// One record's fields, looked up by column and converted with errors that name the cell.
private struct RowFields {
    var record: [String]
    var columns: [InvoiceCSVColumn: Int]
    var row: Int
    var source: String

    func line(lineNo: Int) throws(CostIngestionError) -> InvoiceCSVLine {
        let product = text(.product)
        guard !product.isEmpty else { throw failure(.product, product, "is empty") }
        let start = try time(.start)
        let end = try time(.end)
        guard end >= start else { throw failure(.end, text(.end), "is before start '\(text(.start))'") }
        return InvoiceCSVLine(lineNo: lineNo, csvRow: row, product: product, groupDescription: optionalText(.groupDescription),
                              description: text(.description), hours: try hours(), start: start, end: end,
                              amountCents: try amount(), projectName: optionalText(.projectName),
                              category: optionalText(.category))
    }

    /// The field's text; an absent optional column reads as empty.
    private func text(_ column: InvoiceCSVColumn) -> String {
        columns[column].map { record[$0] } ?? ""
    }

    private func optionalText(_ column: InvoiceCSVColumn) -> String? {
        let value = text(column)
        return value.isEmpty ? nil : value
    }

    private func time(_ column: InvoiceCSVColumn) throws(CostIngestionError) -> Timestamp {
        let value = text(column)
        guard let time = Timestamp(iso8601: value) else {
            throw failure(column, value, "is not a time (expected YYYY-MM-DD HH:MM:SS +0000)")
        }
        return time
    }

    private func amount() throws(CostIngestionError) -> Int64 {
        let value = text(.usd)
        do {
            return Int64(try Money(csvAmount: value).cents)
        } catch where error.reason == .tooLarge {
            throw failure(.usd, value, "is more than \(Money.largest.csvString), the largest amount accepted")
        } catch {
            throw failure(.usd, value, "is not an amount")
        }
    }

    private func hours() throws(CostIngestionError) -> Int? {
        let value = text(.hours)
        guard !value.isEmpty else { return nil }
        guard value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw failure(.hours, value, "is not a whole number of hours")
        }
        let digits = value.drop { $0 == "0" }
        guard digits.utf8.count <= 9, let hours = Int(digits.isEmpty ? "0" : digits) else {
            throw failure(.hours, value, "is more than 999999999, the most hours accepted")
        }
        return hours
    }

    private func failure(_ column: InvoiceCSVColumn, _ value: String, _ problem: String) -> CostIngestionError {
        .badField(source: source, row: row, column: column.rawValue, columnNumber: (columns[column] ?? 0) + 1, value: value, problem: problem)
    }
}
