import Foundation
import GRDB

/// What an update of an existing ledger file needs (`arcadia import`): a consistent copy of it to
/// work on, and whether its schema is already this build's.
extension Ledger {
    /// Copies the ledger file at `source` to a new file at `path` through SQLite's backup API, so
    /// a process writing `source` meanwhile is never read half-way.
    public static func copyFile(at source: String, to path: String) throws {
        _ = SQLiteProcessTuning.applied
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Ledger.busyTimeout)
        let from = try DatabaseQueue(path: source, configuration: configuration)
        defer { try? from.close() }
        let to = try DatabaseQueue(path: path)
        defer { try? to.close() }
        try from.backup(to: to)
    }

    /// Whether the ledger file at `path` has every migration this build knows (opened read-only).
    public static func hasCurrentSchema(atPath path: String) throws -> Bool {
        _ = SQLiteProcessTuning.applied
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try LedgerSchema.migrator.hasCompletedMigrations(db) }
    }
}
