import ArcadiaCore
import GRDB

/// What SQLite alone takes to write a ledger's rows: the ledger's own tables and indexes, created
/// in a fresh in-memory database, and every row of the ledger with its own values (so the same
/// widths) inserted through one prepared statement per table in transactions of `batch` rows.
/// A run's time over this floor is what the engines add; the bench prints the ratio.
///
/// Rows are read from the ledger a batch at a time, outside the timed part, so the floor of a
/// ledger of millions of rows runs in bounded memory.
public struct SQLiteFloor: Sendable, Equatable {
    public struct Table: Sendable, Equatable {
        public var name: String
        public var rows: Int
        public var seconds: Double
    }

    /// Every table of the ledger, in name order.
    public var tables: [Table]
    public var seconds: Double { tables.reduce(0) { $0 + $1.seconds } }
    public var rows: Int { tables.reduce(0) { $0 + $1.rows } }

    public static func measure(_ ledger: Ledger, batch: Int = 10_000, stopwatch: () -> Double) throws -> SQLiteFloor {
        let schema = try ledger.read { db in
            try Row.fetchAll(db, sql: """
                SELECT type, name, sql FROM sqlite_master
                WHERE type IN ('table', 'index') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                ORDER BY type DESC, name
                """)
        }
        var configuration = Configuration()
        // Rows go in table by table, not in an order that satisfies every reference.
        configuration.foreignKeysEnabled = false
        let floor = try DatabaseQueue(configuration: configuration)
        try floor.write { db in
            for statement in schema { try db.execute(sql: statement["sql"]) }
        }
        var tables: [Table] = []
        for entry in schema where entry["type"] as String == "table" {
            let name: String = entry["name"]
            tables.append(try copy(table: name, from: ledger, to: floor, batch: batch, stopwatch: stopwatch))
        }
        return SQLiteFloor(tables: tables)
    }

    private static func copy(table: String, from ledger: Ledger, to floor: DatabaseQueue, batch: Int,
                             stopwatch: () -> Double) throws -> Table {
        let quoted = table.quotedDatabaseIdentifier
        let columns = try ledger.read { db in try db.columns(in: table).count }
        let insert = "INSERT INTO \(quoted) VALUES (\(Array(repeating: "?", count: columns).joined(separator: ", ")))"
        var measured = Table(name: table, rows: 0, seconds: 0)
        var lastRowID: Int64 = .min
        while true {
            let rows = try ledger.read { db in
                try Row.fetchAll(db, sql: "SELECT rowid AS floor_rowid, * FROM \(quoted) WHERE rowid > ? ORDER BY rowid LIMIT ?",
                                 arguments: [lastRowID, batch])
            }
            guard let last = rows.last else { break }
            lastRowID = last["floor_rowid"]
            let values = rows.map { row in StatementArguments(Array(row.databaseValues.dropFirst())) }
            let started = stopwatch()
            try floor.inTransaction { db in
                let statement = try db.cachedStatement(sql: insert)
                for arguments in values { try statement.execute(arguments: arguments) }
                return .commit
            }
            measured.seconds += stopwatch() - started
            measured.rows += rows.count
        }
        return measured
    }
}
