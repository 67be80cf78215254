import CSV
import Foundation

/// The text forms reports share: an aligned table for people (text columns left, figures right,
/// two spaces apart, no trailing blanks) and RFC 4180 CSV through CSV.swift.
public enum ReportTable {
    /// `textColumns` leading columns are left-aligned; the rest are figures, right-aligned.
    public static func aligned(_ rows: [[String]], textColumns: Int = 2) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column < textColumns ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    public static func csv(_ rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        // CSVWriter separates rows; the file ends with a line end like every text file.
        return String(decoding: stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data(), as: UTF8.self) + "\n"
    }
}
