import Foundation
import GRDB
import Synchronization

/// The SQLite ledger every engine reads and writes. A file for inspection with `sqlite3`, or memory
/// for a scenario run that keeps nothing.
public struct Ledger: Sendable {
    public let writer: any DatabaseWriter
    let commitCounts = LedgerCommitCounts()
    /// How long a file ledger waits for another process's lock before an access fails, in seconds.
    public static let busyTimeout: TimeInterval = 5

    /// Opens (creating if needed) the ledger at `path`, or an in-memory one when `path` is nil,
    /// and brings its schema up to date.
    ///
    /// `shared` is for the long-running service (`arcadia serve`), whose scheduler writes while the
    /// API and other processes (a CLI command) read: the file is switched to SQLite's WAL journal
    /// (a setting the file keeps), so readers see the last commit without blocking the writer and
    /// the writer commits without waiting for readers; the service's own reads run concurrently
    /// (a `DatabasePool`). Only two writers still take turns, each waiting up to `busyTimeout`.
    public init(path: String? = nil, shared: Bool = false) throws {
        _ = SQLiteProcessTuning.applied
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "arcadia-ledger"
        if let path {
            // Another process may hold the file's write lock (`arcadia sync` while `arcadia serve`
            // reads the same ledger): wait for it a while rather than fail at once.
            configuration.busyMode = .timeout(Ledger.busyTimeout)
            try Ledger.refuseNewerSchema(atPath: path)
            writer = shared ? try DatabasePool(path: path, configuration: configuration) : try DatabaseQueue(path: path, configuration: configuration)
            try LedgerSchema.migrator.migrate(writer)
        } else {
            // A copy of the migrated template: nothing is left to apply.
            let queue = try DatabaseQueue(configuration: configuration)
            try Ledger.migratedTemplate(configuration).backup(to: queue)
            writer = queue
        }
    }

    /// An empty in-memory ledger migrated once per process: a new in-memory ledger is a copy of
    /// it (SQLite's backup of a few dozen pages) instead of a run of the migrations, whose
    /// `ALTER TABLE`s make SQLite parse the schema again and again — 12–19 ms a ledger, a quarter
    /// of `run scenarios` and the set-up of most tests. Nothing writes to it after.
    private static func migratedTemplate(_ configuration: Configuration) throws -> DatabaseQueue {
        try template.withLock { template in
            if let template { return template }
            let queue = try DatabaseQueue(configuration: configuration)
            try LedgerSchema.migrator.migrate(queue)
            template = queue
            return queue
        }
    }

    private static let template = Mutex<DatabaseQueue?>(nil)
}

extension Ledger {
    /// Runs `body` in one read transaction: what it reads is one snapshot of the ledger.
    ///
    /// Every ledger read goes through here rather than `writer.read`, because on a `DatabaseQueue`
    /// (every ledger but the service's) GRDB makes a read read-only by setting `PRAGMA query_only`
    /// on and off again, and SQLite answers a flag pragma by expiring every prepared statement of
    /// the connection: each cached statement of the hot paths (the sync's upsert, the hourly
    /// balance) was compiled again after any read. A plain deferred transaction gives the same
    /// snapshot; a pool's reads still run on its read-only connections.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.unsafeRead { db in
            var value: T?
            try db.inTransaction(.deferred) {
                value = try body(db)
                return .commit
            }
            return value!
        }
    }

    /// `read(_:)` for async callers (the service's API): the transaction runs on the database's
    /// own queue, not on a thread of the cooperative pool.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.unsafeRead { db in
            var value: T?
            try db.inTransaction(.deferred) {
                value = try body(db)
                return .commit
            }
            return value!
        }
    }

    /// Rows in each ledger table, by table name in name order (benchmarks and summaries).
    public func rowCounts() throws -> [(table: String, rows: Int)] {
        try read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name
                """)
            return try tables.map { table in (table, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0) }
        }
    }
}
