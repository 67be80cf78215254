import ArcadiaCore
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Workbench

/// `--db` never destroys what was there: a folder or a foreign file is refused untouched, a
/// ledger is replaced only once a run completed.
@Suite struct LedgerOutputTests {
    let directory = try! RepoPaths.temporaryDirectory("ledger-output")

    func ledger(at path: String, rows resources: Int) throws -> Ledger {
        let ledger = try Ledger(path: path)
        try ledger.writer.write { db in
            for cents in 0..<resources {
                try db.execute(sql: """
                    INSERT INTO cloud_balance_snapshots (taken_at, month_to_date_balance_cents, account_balance_cents,
                                                         month_to_date_usage_cents, generated_at)
                    VALUES (?, ?, 0, 0, '2026-04-01T00:07:00Z')
                    """, arguments: ["2026-04-01T0\(cents):07:00Z", cents])
            }
        }
        return ledger
    }

    func rows(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cloud_balance_snapshots")! }
    }

    @Test func aFolderOrAForeignFileIsRefusedAndLeftAsItWas() throws {
        let folder = directory.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: folder.appendingPathComponent("keep.txt"))
        #expect(throws: LedgerOutput.Refusal.self) { try LedgerOutput(target: folder.path) }
        let yaml = directory.appendingPathComponent("self.yaml")
        try Data("scenario: x\n".utf8).write(to: yaml)
        #expect(throws: LedgerOutput.Refusal.self) { try LedgerOutput(target: yaml.path) }
        let foreign = directory.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        #expect(throws: LedgerOutput.Refusal.self) { try LedgerOutput(target: foreign) }
        #expect(try String(contentsOf: yaml, encoding: .utf8) == "scenario: x\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("keep.txt").path))
    }

    @Test func aNewTargetAppearsOnlyWhenTheRunCommits() throws {
        let target = directory.appendingPathComponent("new/ledger.sqlite").path
        let output = try LedgerOutput(target: target)
        let finished = try ledger(at: try output.prepare(), rows: 2)
        #expect(!FileManager.default.fileExists(atPath: target), "nothing at the target while the run is under way")
        try output.commit(finished)
        #expect(try rows(target) == 2)
        #expect(!FileManager.default.fileExists(atPath: output.scratch))
    }

    /// A scratch file is its process's own (two runs keeping one target used to share one, and
    /// each removed or overwrote the other's): the next run removes those whose process is gone.
    @Test func anExistingLedgerIsReplacedWholeAndOnlyAbandonedScratchFilesAreCleared() throws {
        let target = directory.appendingPathComponent("kept.sqlite").path
        try ledger(at: target, rows: 5).close()
        let output = try LedgerOutput(target: target)
        #expect(output.scratch.hasSuffix("/.kept.sqlite.\(getpid()).arcadia-partial"))
        let dead = directory.appendingPathComponent(".kept.sqlite.999999999.arcadia-partial").path
        let earlierBuild = directory.appendingPathComponent(".kept.sqlite.arcadia-partial").path
        let running = directory.appendingPathComponent(".kept.sqlite.1.arcadia-partial").path
        for path in [dead, dead + "-journal", earlierBuild, running] { try Data("left".utf8).write(to: URL(fileURLWithPath: path)) }
        let finished = try ledger(at: try output.prepare(), rows: 1)
        #expect(!FileManager.default.fileExists(atPath: dead) && !FileManager.default.fileExists(atPath: dead + "-journal"))
        #expect(!FileManager.default.fileExists(atPath: earlierBuild))
        #expect(FileManager.default.fileExists(atPath: running), "process 1 is running: its file is its own")
        #expect(try rows(target) == 5, "the old ledger is untouched until the commit")
        try output.commit(finished)
        #expect(try rows(target) == 1)
        #expect(Ledger.isLedgerFile(atPath: target))
        #expect(!FileManager.default.fileExists(atPath: output.scratch))
    }

    /// A file that appeared at a new target while the run was under way is not linked over; a
    /// ledger is replaced as an existing one is, anything else refused and left alone.
    @Test func aTargetThatAppearedDuringTheRunIsNeverLinkedOver() throws {
        let target = directory.appendingPathComponent("raced.sqlite").path
        let output = try LedgerOutput(target: target)
        let finished = try ledger(at: try output.prepare(), rows: 3)
        try Data("someone's notes".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: LedgerOutput.Refusal.self) { try output.commit(finished) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "someone's notes")
        #expect(!FileManager.default.fileExists(atPath: output.scratch))

        let other = directory.appendingPathComponent("raced-ledger.sqlite").path
        let second = try LedgerOutput(target: other)
        let ours = try ledger(at: try second.prepare(), rows: 2)
        try ledger(at: other, rows: 7).close()
        try second.commit(ours)
        #expect(try rows(other) == 2)
        #expect(!FileManager.default.fileExists(atPath: second.scratch))
    }

    @Test func aDiscardedRunLeavesNothingBesideTheTarget() throws {
        let target = directory.appendingPathComponent("failed/ledger.sqlite").path
        let output = try LedgerOutput(target: target)
        try ledger(at: try output.prepare(), rows: 1).close()
        output.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("failed").path).isEmpty)
    }
}
