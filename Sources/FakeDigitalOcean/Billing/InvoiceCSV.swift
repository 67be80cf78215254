import DigitalOcean
import Foundation

/// Renders an invoice as DO's CSV export: a header of column names, one record per line, `$`
/// amounts with two decimals, `YYYY-MM-DD HH:MM:SS +0000` times, blank hours on tax lines,
/// records ended by `\n` (as in DO's example) and fields quoted per RFC 4180 only when needed.
enum InvoiceCSV {
    static func render(_ lines: [InvoiceLine], columns: [InvoiceCSVColumn], corruption: CSVCorruption? = nil) -> Data {
        var columns = columns
        var rows = lines.map { line in columns.map { field($0, of: line) } }
        switch corruption {
        case .badAmount?:
            if let index = columns.firstIndex(of: .usd), !rows.isEmpty { rows[0][index] = "$abc" }
        case .badDate?:
            if let index = columns.firstIndex(of: .start), !rows.isEmpty { rows[0][index] = "31/04/2026 00:00" }
        case .missingColumn(let missing)?:
            if let index = columns.firstIndex(of: missing) {
                columns.remove(at: index)
                for row in rows.indices { rows[row].remove(at: index) }
            }
        case .truncated?, nil:
            break
        }
        var text: [UInt8] = []
        text.reserveCapacity(160 * (rows.count + 1))
        var lastRecordStart = 0
        for record in [columns.map(\.rawValue)] + rows {
            lastRecordStart = text.count
            append(record, to: &text)
        }
        if corruption == .truncated {
            let lastLength = text.count - lastRecordStart
            text.removeLast(lastLength - (lastLength - 1) / 2)
        }
        return Data(text)
    }

    /// One record, its fields quoted where needed, ended by `\n`.
    private static func append(_ record: [String], to text: inout [UInt8]) {
        for (index, field) in record.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            text.append(contentsOf: quoted(field).utf8)
        }
        text.append(UInt8(ascii: "\n"))
    }

    static func field(_ column: InvoiceCSVColumn, of line: InvoiceLine) -> String {
        switch column {
        case .product: line.product
        case .groupDescription: line.groupDescription
        case .description: line.description
        case .hours: line.hours.map(String.init) ?? ""
        case .start: line.start.doCSV
        case .end: line.end.doCSV
        case .usd: line.amount.csvString
        case .projectName: line.projectName
        case .category: line.category
        }
    }

    /// RFC 4180: a field holding a comma, a quote or a line break is wrapped in quotes, with its
    /// quotes doubled; any other field is written as is.
    static func quoted(_ field: String) -> String {
        guard needsQuotes(field) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A comma, a quote, or a CR or LF byte (a CRLF pair included), looked for in the UTF-8 bytes:
    /// none of them occurs inside a multi-byte sequence.
    private static func needsQuotes(_ field: String) -> Bool {
        field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    }
}
