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
        let records = [columns.map(\.rawValue)] + rows
        var text = Data(records.map { $0.map(quoted).joined(separator: ",") + "\n" }.joined().utf8)
        if corruption == .truncated, let last = records.last {
            let lastLength = Data((last.map(quoted).joined(separator: ",") + "\n").utf8).count
            text.removeLast(lastLength - (lastLength - 1) / 2)
        }
        return text
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
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
