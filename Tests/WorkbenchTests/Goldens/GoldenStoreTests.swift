import ArcadiaCore
import Foundation
import Synchronization
import Testing
import TestSupport
@testable import Workbench

/// Goldens in sub-folders (`tenant_invoices/<tenant>-<period>.txt`) are written, compared,
/// reported when no longer produced, and removed with their emptied folder on update.
struct GoldenStoreTests {
    @Test func nestedGoldensRoundTrip() throws {
        let root = try RepoPaths.temporaryDirectory("golden-store")
        let store = GoldenStore(root: root.path)
        let files = [LedgerFile(name: "a.tsv", content: "x\n"), LedgerFile(name: "tenant_invoices/acme-2026-04.txt", content: "invoice\n")]
        let written = try store.update(scenario: "s", files: files)
        #expect(written == .init(rewritten: ["a.tsv", "tenant_invoices/acme-2026-04.txt"], removed: []))
        let comparisons = store.compare(scenario: "s", files: files)
        #expect(comparisons == [.match(file: "a.tsv"), .match(file: "tenant_invoices/acme-2026-04.txt")])

        let fewer = [files[0]]
        #expect(store.compare(scenario: "s", files: fewer) == [.match(file: "a.tsv"), .unexpectedGolden(file: "tenant_invoices/acme-2026-04.txt")])
        let removed = try store.update(scenario: "s", files: fewer)
        #expect(removed == .init(rewritten: [], removed: ["tenant_invoices/acme-2026-04.txt"]), "removed, not rewritten")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("s/tenant_invoices").path), "the emptied folder goes too")
        #expect(store.compare(scenario: "s", files: fewer) == [.match(file: "a.tsv")])
    }

    @Test func aChangedNestedGoldenIsAMismatchNamedByItsPath() throws {
        let root = try RepoPaths.temporaryDirectory("golden-store")
        let store = GoldenStore(root: root.path)
        _ = try store.update(scenario: "s", files: [LedgerFile(name: "tenant_invoices/acme-2026-04.txt", content: "Total 1.00\n")])
        let results = store.compare(scenario: "s", files: [LedgerFile(name: "tenant_invoices/acme-2026-04.txt", content: "Total 2.00\n")])
        guard case .mismatch(let mismatch)? = results.first else { Issue.record("expected a mismatch, got \(results)"); return }
        let diff = mismatch.diff
        #expect(mismatch.file == "tenant_invoices/acme-2026-04.txt")
        #expect(mismatch.goldenPath == root.appendingPathComponent("s/tenant_invoices/acme-2026-04.txt").path)
        #expect(diff.hasPrefix("--- \(root.path)/s/tenant_invoices/acme-2026-04.txt\n"), "the golden's path under the store's own root")
        #expect(diff.contains("-Total 1.00") && diff.contains("+Total 2.00"))
    }
}

/// Golden folders are replaced whole or not at all.
@Suite struct GoldenStoreReplacementTests {
    let root = try! RepoPaths.temporaryDirectory("golden-swap")
    var store: GoldenStore { GoldenStore(root: root.path) }

    @Test func anUpdateKilledBeforeTheSwapIsUndoneAndOneKilledAfterItIsFinished() throws {
        _ = try store.update(scenario: "s", files: [LedgerFile(name: "a.tsv", content: "old\n")])
        // Killed between the two renames: only the old folder is left, under its hidden name.
        try FileManager.default.moveItem(atPath: root.appendingPathComponent("s").path, toPath: root.appendingPathComponent(".s.arcadia-old").path)
        #expect(try store.update(scenario: "s", files: [LedgerFile(name: "a.tsv", content: "old\n")]) == .init(rewritten: [], removed: []),
                "recovered, nothing to change")
        #expect(try String(contentsOf: root.appendingPathComponent("s/a.tsv"), encoding: .utf8) == "old\n")
        // Killed after the swap: the old folder is still beside the new one.
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".s.arcadia-old"), withIntermediateDirectories: true)
        #expect(try store.update(scenario: "s", files: [LedgerFile(name: "a.tsv", content: "new\n")]).rewritten == ["a.tsv"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".s.arcadia-old").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["s"])
    }

    /// Two `--update-goldens` runs at once used to interleave their renames of one folder and leave
    /// it with files missing while both said they had written them. Updates now take turns: after
    /// any number of racing ones, the folder is exactly one of them, whole.
    @Test func racingUpdatesLeaveOneWholeFolder() throws {
        let root = try RepoPaths.temporaryDirectory("golden-race")
        let names = (0..<10).map { "file-\($0).tsv" }
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { writer in
            let store = GoldenStore(root: root.path)
            for round in 0..<60 {
                do {
                    _ = try store.update(scenario: "s", files: names.map { LedgerFile(name: $0, content: "\(writer)-\(round)\n") })
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        let failed = failures.withLock { $0 }
        #expect(failed.count == 0, "every update took its turn: \(failed.prefix(2))")
        let folder = root.appendingPathComponent("s")
        let written = try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        #expect(Set(written).count == 1, "one update's files, all of them: \(written)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == names)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["s"], "nothing left beside it")
    }

    /// A user whose golden folder (here a folder inside it) is read-only: the update is refused
    /// before the swap, every golden stays, and the message says so truthfully. Before, the
    /// swap's renames went through (they need only the parent's permission), removing the old
    /// folder then failed, and the goldens had been replaced under "as they were".
    @Test func aReadOnlyGoldenFolderIsRefusedBeforeTheSwapAndLeftAsItWas() throws {
        let files = [LedgerFile(name: "a.tsv", content: "old\n"), LedgerFile(name: "tenant_invoices/acme-2026-04.txt", content: "Total 1.00\n")]
        _ = try store.update(scenario: "s", files: files)
        let readOnlyFolder = root.appendingPathComponent("s/tenant_invoices").path
        var readOnly = store
        readOnly.entriesDeletable = { $0 != readOnlyFolder }
        let error = #expect(throws: GoldenStore.WriteError.self) {
            try readOnly.update(scenario: "s", files: [LedgerFile(name: "a.tsv", content: "new\n")])
        }
        #expect(error?.left == .asTheyWere)
        #expect(error?.description == "cannot rewrite \(root.appendingPathComponent("s").path): \(readOnlyFolder) is read-only (the goldens there are as they were)")
        #expect(store.compare(scenario: "s", files: files) == [.match(file: "a.tsv"), .match(file: "tenant_invoices/acme-2026-04.txt")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["s"], "no partial or old folder is left")
    }

    @Test func hiddenFilesMoveToTheNewFolderAndAnUnwritableRootIsAClearError() throws {
        _ = try store.update(scenario: "s", files: [LedgerFile(name: "a.tsv", content: "1\n")])
        try Data("mine".utf8).write(to: root.appendingPathComponent("s/.keep"))
        _ = try store.update(scenario: "s", files: [LedgerFile(name: "b.tsv", content: "2\n")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("s").path).sorted() == [".keep", "b.tsv"])
        let file = root.appendingPathComponent("not-a-folder")
        try Data().write(to: file)
        #expect(throws: GoldenStore.WriteError.self) {
            try GoldenStore(root: file.path).update(scenario: "s", files: [LedgerFile(name: "a.tsv", content: "1\n")])
        }
    }
}
