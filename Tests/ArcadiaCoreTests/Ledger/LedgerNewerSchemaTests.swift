import ArcadiaCore
import Foundation
import GRDB
import Testing
import TestSupport

/// A ledger a newer build migrated is refused, untouched: GRDB would migrate past the migrations it
/// does not know, and an older `import`, `sync` or `serve` would then write tables whose meaning
/// has moved on (a deploy rolled back onto the service's ledger, say).
struct LedgerNewerSchemaTests {
    @Test func aLedgerWithAMigrationThisBuildDoesNotKnowIsRefusedAndLeftAsItWas() throws {
        let path = try RepoPaths.temporaryDirectory("newer-schema").appendingPathComponent("ledger.sqlite").path
        try Ledger(path: path).close()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let refusal = LedgerFileError.newerSchema(path: path, unknownMigrations: ["v99-from-the-future"])
        #expect(throws: refusal) { try Ledger(path: path) }
        #expect(throws: refusal) { try Ledger(path: path, shared: true) }
        #expect(throws: refusal) { try Ledger.inMemoryCopy(ofFileAt: path) }
        #expect(refusal.description.hasSuffix("was written by a newer arcadia (migrations this build does not know: v99-from-the-future); "
                                              + "use that version or a later one (nothing was touched)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}

/// A ledger whose writer was killed mid-transaction has a hot journal, which a read-only connection
/// cannot roll back: every read-only check took such a ledger for "not an arcadia ledger".
struct LedgerHotJournalTests {
    /// The file and its journal as a writer killed with a large transaction half-written leaves them.
    static func crashedLedger() throws -> String {
        let directory = try RepoPaths.temporaryDirectory("hot-journal")
        let path = directory.appendingPathComponent("live.sqlite").path
        try Ledger(path: path).close()
        let crashed = directory.appendingPathComponent("crashed.sqlite").path
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = 10")
            try db.execute(sql: "BEGIN IMMEDIATE")
            for index in 0..<5_000 {
                try db.execute(sql: "INSERT INTO tenants (code, name, country) VALUES (?, 'Half written', 'AU')", arguments: ["t\(index)"])
            }
            // Pages have spilled into the file; its journal holds what they were.
            try FileManager.default.copyItem(atPath: path + "-journal", toPath: crashed + "-journal")
            try FileManager.default.copyItem(atPath: path, toPath: crashed)
            try db.execute(sql: "ROLLBACK")
        }
        return crashed
    }

    @Test func readOnlyCommandsReadTheLastCommitWithoutTouchingTheFile() throws {
        let crashed = try Self.crashedLedger()
        let before = try [crashed, crashed + "-journal"].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(Ledger.isLedgerFile(atPath: crashed))
        let copy = try Ledger.inMemoryCopy(ofFileAt: crashed)
        #expect(try copy.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM tenants") } == 0, "the half-written rows are rolled back")
        #expect(try [crashed, crashed + "-journal"].map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
    }

    @Test func aWriterRecoversIt() throws {
        let crashed = try Self.crashedLedger()
        let ledger = try Ledger(path: crashed)
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM tenants") } == 0)
        try ledger.close()
        #expect(!FileManager.default.fileExists(atPath: crashed + "-journal"))
    }
}
