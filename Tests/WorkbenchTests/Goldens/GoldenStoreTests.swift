import ArcadiaCore
import Foundation
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
        #expect(written == ["a.tsv", "tenant_invoices/acme-2026-04.txt"])
        let comparisons = store.compare(scenario: "s", files: files)
        #expect(comparisons == [.match(file: "a.tsv"), .match(file: "tenant_invoices/acme-2026-04.txt")])

        let fewer = [files[0]]
        #expect(store.compare(scenario: "s", files: fewer) == [.match(file: "a.tsv"), .unexpectedGolden(file: "tenant_invoices/acme-2026-04.txt")])
        let removed = try store.update(scenario: "s", files: fewer)
        #expect(removed == ["tenant_invoices/acme-2026-04.txt"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("s/tenant_invoices").path), "the emptied folder goes too")
        #expect(store.compare(scenario: "s", files: fewer) == [.match(file: "a.tsv")])
    }

    @Test func aChangedNestedGoldenIsAMismatchNamedByItsPath() throws {
        let root = try RepoPaths.temporaryDirectory("golden-store")
        let store = GoldenStore(root: root.path)
        _ = try store.update(scenario: "s", files: [LedgerFile(name: "tenant_invoices/acme-2026-04.txt", content: "Total 1.00\n")])
        let results = store.compare(scenario: "s", files: [LedgerFile(name: "tenant_invoices/acme-2026-04.txt", content: "Total 2.00\n")])
        guard case .mismatch(let file, let diff)? = results.first else { Issue.record("expected a mismatch, got \(results)"); return }
        #expect(file == "tenant_invoices/acme-2026-04.txt")
        #expect(diff.contains("goldens/s/tenant_invoices/acme-2026-04.txt") && diff.contains("-Total 1.00") && diff.contains("+Total 2.00"))
    }
}
