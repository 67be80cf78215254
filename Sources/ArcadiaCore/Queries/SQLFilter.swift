import GRDB

/// A WHERE clause built from optional filters, every value a bound argument: the only way the
/// queries in this folder add conditions, so no caller-supplied text is ever spliced into SQL.
struct SQLFilter {
    private(set) var clauses: [String] = []
    private(set) var arguments = StatementArguments()

    /// Adds `clause` (with one `?`) when `value` is present.
    mutating func add(_ clause: String, _ value: (any DatabaseValueConvertible)?) {
        guard let value else { return }
        clauses.append(clause)
        arguments += [value]
    }

    /// `WHERE a AND b`, or nothing.
    var sql: String {
        clauses.isEmpty ? "" : "WHERE " + condition
    }

    /// `a AND b`, or a condition that always holds.
    var condition: String {
        clauses.isEmpty ? "1" : clauses.joined(separator: " AND ")
    }

    /// The filter's arguments followed by a page's LIMIT and OFFSET.
    func arguments(with page: PageRequest) -> StatementArguments {
        arguments + [page.limit, page.offset]
    }
}
