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
        let found = try? readingOnly(path) { queue in
            try queue.read { db in
                try db.tableExists("grdb_migrations")
                    && (try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1-inventory')") ?? false)
            }
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

    /// A copy of the ledger file at `path` in memory, brought up to the current schema there: what
    /// read-only commands (`arcadia reprice`, `arcadia margin`) work on, so the file's bytes never
    /// change, even when it was written by an older version. A file that is not a ledger is refused.
    public static func inMemoryCopy(ofFileAt path: String) throws -> Ledger {
        guard isLedgerFile(atPath: path) else { throw LedgerFileError.notALedger(path: path) }
        let copy = try Ledger()
        try readingOnly(path) { source in try source.backup(to: copy.writer) }
        try refuseNewerSchema(copy.writer, path: path)
        try LedgerSchema.migrator.migrate(copy.writer)
        return copy
    }

    /// `refuseNewerSchema(_:path:)` for a file, opened read-only, so a refused file is not touched
    /// (a pool would first switch it to WAL); a missing file is new, not newer.
    static func refuseNewerSchema(atPath path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        try readingOnly(path) { queue in try refuseNewerSchema(queue, path: path) }
    }

    /// A ledger a newer build migrated is not this build's to read or write: its tables may mean
    /// what this build does not know (GRDB would migrate past the unknown migrations and go on).
    static func refuseNewerSchema(_ writer: any DatabaseWriter, path: String) throws {
        let unknown = try writer.read { db in
            try LedgerSchema.migrator.appliedIdentifiers(db).subtracting(LedgerSchema.migrator.migrations).sorted()
        }
        guard unknown.isEmpty else { throw LedgerFileError.newerSchema(path: path, unknownMigrations: unknown) }
    }
}

public enum LedgerFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case notALedger(path: String)
    case newerSchema(path: String, unknownMigrations: [String])

    public var description: String {
        switch self {
        case .notALedger(let path): "\(path) is not an arcadia ledger (no such file, or not one of ours)"
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer arcadia (migrations this build does not know: \(unknown.joined(separator: ", "))); "
                + "use that version or a later one (nothing was touched)"
        }
    }
}
