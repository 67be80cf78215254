import Foundation
import GRDB

/// What outputs need to replace a ledger file safely: knowing a file is one of ours, and copying
/// a finished ledger over an existing one as SQLite would.
extension Ledger {
    /// Whether `path` is an arcadia ledger: a SQLite file whose migration table lists the first
    /// ledger migration. Opened read-only; anything else (a folder, a YAML file, another
    /// application's database) is not.
    public static func isLedgerFile(atPath path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return false }
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return false }
        defer { try? queue.close() }
        let found = try? queue.read { db in
            try db.tableExists("grdb_migrations")
                && (try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1-inventory')") ?? false)
        }
        return found ?? false
    }

    /// Copies this ledger into the existing ledger file at `path` through SQLite's backup API:
    /// another process reading that file sees the old ledger or the new one, never a mix, and a
    /// copy interrupted part-way is rolled back by SQLite's journal.
    public func copy(intoFileAt path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Ledger.busyTimeout)
        let destination = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? destination.close() }
        try writer.backup(to: destination)
    }

    /// Closes the ledger's connection (a file ledger's data is all on disk once this returns).
    public func close() throws {
        try writer.close()
    }
}
