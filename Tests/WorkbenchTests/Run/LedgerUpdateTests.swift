import ArcadiaCore
import Foundation
import GRDB
import Testing
import TestSupport
import Workbench

/// `arcadia import` changes a ledger in place, in its own transaction: it used to work on a copy
/// and put the copy back over the file, erasing whatever `sync` or `serve` wrote meanwhile.
@Suite struct LedgerUpdateTests {
    let directory = try! RepoPaths.temporaryDirectory("ledger-update")

    func tenants(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT code FROM tenants ORDER BY code") }
    }

    func addTenant(_ code: String, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO tenants (code, name, country) VALUES (?, ?, 'AU')", arguments: [code, code])
    }

    @Test func whatAnotherProcessWritesDuringTheUpdateIsKept() throws {
        let target = directory.appendingPathComponent("shared.sqlite").path
        try Ledger(path: target).close()
        let added = try LedgerUpdate(target: target).apply { ledger in
            // Another process (its own connection) commits while the import is under way.
            try DatabaseQueue(path: target).write { try addTenant("initech", $0) }
            return try ledger.write(committingOnlyIf: { $0 }) { db in
                try addTenant("acme", db)
                return true
            }
        }
        #expect(added)
        #expect(try tenants(target) == ["acme", "initech"])
    }

    /// Two imports creating one ledger: the one that loses the race to link its new file does its
    /// work again on the ledger the other made, and leaves no scratch file behind.
    @Test func aLedgerMadeByAnotherProcessMeanwhileGetsTheWorkToo() throws {
        let folder = directory.appendingPathComponent("race")
        let target = folder.appendingPathComponent("new.sqlite").path
        var runs = 0
        try LedgerUpdate(target: target).apply { ledger in
            runs += 1
            if !FileManager.default.fileExists(atPath: target) {
                let other = try Ledger(path: target)
                try other.writer.write { try addTenant("initech", $0) }
                try other.close()
            }
            try ledger.writer.write { try addTenant("acme", $0) }
        }
        #expect(runs == 2)
        #expect(try tenants(target) == ["acme", "initech"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["new.sqlite"])
    }

    @Test func anUpdateThatChangesNothingRollsBackAndAFailureLeavesNothing() throws {
        let target = directory.appendingPathComponent("kept.sqlite").path
        try LedgerUpdate(target: target).apply { ledger in try ledger.writer.write { try addTenant("acme", $0) } }
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        let changed = try LedgerUpdate(target: target).apply { ledger in
            try ledger.write(committingOnlyIf: { $0 }) { db in
                try db.execute(sql: "DELETE FROM tenants")
                try addTenant("acme", db)
                return false
            }
        }
        #expect(!changed)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before, "rolled back: SQLite's change counter did not move")

        struct Refused: Error {}
        let fresh = directory.appendingPathComponent("fresh/never.sqlite").path
        #expect(throws: Refused.self) { try LedgerUpdate(target: fresh).apply { _ in throw Refused() } }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("fresh").path).isEmpty,
                "no ledger and no scratch file")
    }
}
