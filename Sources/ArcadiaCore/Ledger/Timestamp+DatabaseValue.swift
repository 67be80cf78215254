import DigitalOcean
import GRDB
import MoneyAndTime

/// Every ledger time is TEXT in `Timestamp.iso8601` form (`2026-04-01T10:07:00Z`), so times sort
/// as text and read in `sqlite3`. The conformance lives here because the DigitalOcean module does
/// not import GRDB. Text that is not a time reads as nil, which GRDB's throwing `decode` turns into
/// an error naming the column, never a crash.
extension Timestamp: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso8601.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Timestamp? {
        guard case .string(let text) = dbValue.storage else { return nil }
        return Timestamp(iso8601: text)
    }
}

/// Read straight from the statement while a cursor steps (no `DatabaseValue` in between): the sync
/// reads every stored resource of a kind, three times each, on every listing.
extension Timestamp: StatementColumnConvertible {
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        guard let time = Timestamp(iso8601: String(sqliteStatement: sqliteStatement, index: index)) else { return nil }
        self = time
    }
}
