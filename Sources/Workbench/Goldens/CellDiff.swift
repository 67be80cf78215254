/// What changed in a tab-separated ledger, cell by cell: rows are paired across the golden and the
/// run by their key columns (`LedgerRowKeys`), and each pair reports the columns whose values
/// differ (`cost_lines.tsv:3 2026-04 · web-1 (s-1vcpu-1gb): amount_cents 226 → 333`). A person
/// reads this before the unified diff, which stays the exact record.
public enum CellDiff {
    /// One row's change; `line` is the golden's line (1-based, header included), or the run's for an added row.
    public struct Change: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: Sendable, Equatable {
            case changed([Cell])
            case removed
            case added
            /// A difference of the file as a whole (its columns, its blank lines or final line
            /// break), in words: without it such a golden "differs" with nothing to show.
            case whole(String)
        }

        public struct Cell: Sendable, Equatable {
            public var column: String
            public var old: String
            public var new: String
        }

        public var file: String
        public var line: Int
        public var key: String
        public var kind: Kind
        /// The whole row in the golden (empty for an added row) and in this run (empty for a
        /// removed one), for a rendering that shows the row around its changed cells.
        public var golden: [String] = []
        public var run: [String] = []

        public var description: String { "\(file):\(line) \(summary)" }

        /// The row's key and what happened to it, without the place.
        public var summary: String {
            switch kind {
            case .changed(let cells):
                return "\(key): " + cells.map { "\($0.column) \(Self.show($0.old)) → \(Self.show($0.new))" }.joined(separator: ", ")
            case .removed: return "\(key): row removed"
            case .added: return "\(key): row added (line \(line) of this run)"
            case .whole(let what): return what
            }
        }


        private static func show(_ value: String) -> String { value.isEmpty ? "∅" : value }
    }

    /// The changes between `old` (the golden) and `new` (this run) of ledger `file`; empty when
    /// the two hold the same rows, or when they are not tables (`.tsv`) with the same header.
    public static func changes(file: String, old: String, new: String) -> [Change] {
        guard file.hasSuffix(".tsv") else { return [] }
        let oldRows = rows(old), newRows = rows(new)
        guard let header = oldRows.first?.cells, let newHeader = newRows.first?.cells else { return [] }
        guard header == newHeader else {
            // A column added, renamed or removed: every row differs, and no cell pairs with another.
            return [Change(file: file, line: 1, key: "header", kind: .whole(
                "the columns differ: the golden has \(header.map(VisibleText.diff).joined(separator: ", ")); "
                    + "this run has \(newHeader.map(VisibleText.diff).joined(separator: ", "))"))]
        }
        let keyColumns = LedgerRowKeys.columns(for: file, header: header)
        func key(_ cells: [String]) -> String {
            keyColumns.map { $0 < cells.count ? cells[$0] : "" }.joined(separator: " · ")
        }
        // Rows identical on both sides are no change; what is left pairs up by key, in order.
        let removed = unmatched(Array(oldRows.dropFirst()), against: newRows.dropFirst())
        let added = unmatched(Array(newRows.dropFirst()), against: oldRows.dropFirst())
        var addedByKey: [String: [Int]] = [:]
        for (index, row) in added.enumerated() { addedByKey[key(row.cells), default: []].append(index) }
        var paired = Set<Int>()
        var changes: [Change] = []
        for row in removed {
            let rowKey = key(row.cells)
            guard let index = addedByKey[rowKey]?.first else {
                changes.append(Change(file: file, line: row.line, key: rowKey, kind: .removed, golden: row.cells))
                continue
            }
            addedByKey[rowKey]?.removeFirst()
            paired.insert(index)
            let partner = added[index].cells
            let cells = header.indices.compactMap { column -> Change.Cell? in
                let before = column < row.cells.count ? row.cells[column] : ""
                let after = column < partner.count ? partner[column] : ""
                return before == after ? nil : Change.Cell(column: header[column], old: before, new: after)
            }
            changes.append(Change(file: file, line: row.line, key: rowKey, kind: .changed(cells), golden: row.cells, run: partner))
        }
        for (index, row) in added.enumerated() where !paired.contains(index) {
            changes.append(Change(file: file, line: row.line, key: key(row.cells), kind: .added, run: row.cells))
        }
        if changes.isEmpty, old != new {
            let how = oldRows.map(\.text) != newRows.map(\.text) ? "in the order of their rows"
                : old.hasSuffix("\n") == new.hasSuffix("\n") ? "in their blank lines"
                : old.hasSuffix("\n") ? "in the final line break: this run's file has none" : "in the final line break: the golden has none"
            changes.append(Change(file: file, line: oldRows.last?.line ?? 1, key: "", kind: .whole("the rows are the same; the files differ \(how)")))
        }
        return changes
    }


    /// The column names of a table ledger (its first line), or none for a ledger that is not a table.
    public static func header(file: String, text: String) -> [String] {
        guard file.hasSuffix(".tsv") else { return [] }
        return rows(text).first?.cells ?? []
    }

    /// The rows of `rows` that have no identical row in `others` (as multisets: a row twice on one
    /// side and once on the other leaves one).
    private static func unmatched(_ rows: [Row], against others: ArraySlice<Row>) -> [Row] {
        var available: [Substring: Int] = [:]
        for row in others { available[row.text, default: 0] += 1 }
        return rows.filter { row in
            guard let count = available[row.text], count > 0 else { return true }
            available[row.text] = count - 1
            return false
        }
    }

    private struct Row {
        var line: Int
        var text: Substring
        var cells: [String]
    }

    /// Split on line feeds byte by byte: `"\r\n"` is one `Character`, so a golden with CRLF line
    /// endings was one line to a split on `"\n"`. The carriage return stays in the row's last cell.
    private static func rows(_ text: String) -> [Row] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated().compactMap { index, bytes in
            let line = Substring(bytes)
            return line.isEmpty ? nil : Row(line: index + 1, text: line, cells: line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
        }
    }
}

extension CellDiff {
    /// At most `limit` changes, one a line, then how many more there are.
    public static func render(_ changes: [Change], limit: Int = 20, indent: String = "") -> String {
        var out = changes.prefix(limit).map { "\(indent)\($0)\n" }.joined()
        if changes.count > limit { out += "\(indent)… and \(changes.count - limit) more changed rows\n" }
        return out
    }
}
