import ArgumentParser
import Foundation
import Testing
import TestSupport
import Workbench
import WorkbenchTestSupport
@testable import arcadia

/// The two commands end to end on the revenue-month-end ledger: capture writes a scenario that
/// `arcadia play` passes, and the same scenario with a wrong figure makes play exit 1.
struct CaptureAndPlayCommandTests {
    @Test func aCapturedMonthPlaysAndAWrongExpectationExitsOne() async throws {
        let db = try await RevenueMonthEnd.ledger()
        let directory = try RepoPaths.temporaryDirectory("capture-command")
        let out = directory.appendingPathComponent("globex-april.yaml").path
        let capture = try CaptureCommand.parse(["--db", db, "--tenant", "globex", "--period", "2026-04", "--out", out])
        try await capture.run()
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("  - tenant_invoice: {tenant: globex, period: 2026-04, subtotal: 19.33, tax: 0.00, total: 19.33}\n"), "\(text)")
        let play = try PlayCommand.parse([out])
        try await play.run()
        let wrong = directory.appendingPathComponent("wrong.yaml").path
        try text.replacingOccurrences(of: "total: 19.33}", with: "total: 19.34}").write(toFile: wrong, atomically: true, encoding: .utf8)
        let failing = try PlayCommand.parse([wrong])
        await #expect(throws: ExitCode(1)) { try await failing.run() }
    }

    /// `--out` naming the ledger being read, or a scenario already kept, used to be replaced by
    /// the capture. Both are refused now, byte for byte untouched; a missing folder is created.
    @Test func captureNeverReplacesAFileAndCreatesAMissingFolder() async throws {
        let db = try await RevenueMonthEnd.ledger()
        let directory = try RepoPaths.temporaryDirectory("capture-command")
        let ledgerCopy = directory.appendingPathComponent("ledger.sqlite").path
        try FileManager.default.copyItem(atPath: db, toPath: ledgerCopy)
        let kept = directory.appendingPathComponent("kept.yaml").path
        try Data("scenario: kept\n".utf8).write(to: URL(fileURLWithPath: kept))
        for target in [ledgerCopy, kept, directory.path] {
            let before = FileManager.default.contents(atPath: target)
            let capture = try CaptureCommand.parse(["--db", ledgerCopy, "--tenant", "globex", "--period", "2026-04", "--out", target])
            await #expect(throws: ExitCode(1)) { try await capture.run() }
            #expect(FileManager.default.contents(atPath: target) == before, "\(target) is as it was")
        }
        #expect(throws: OutputRefusal.self) { try NewFileOutput(target: kept, option: "--out") }
        let nested = directory.appendingPathComponent("new/folder/globex.yaml").path
        let capture = try CaptureCommand.parse(["--db", ledgerCopy, "--tenant", "globex", "--period", "2026-04", "--out", nested])
        try await capture.run()
        #expect(try String(contentsOfFile: nested, encoding: .utf8).hasPrefix("scenario: globex\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("new/folder").path) == ["globex.yaml"],
                "no scratch file is left")
    }

    @Test func captureRefusesAMonthWithoutAnInvoiceAndWritesNothing() async throws {
        let db = try await RevenueMonthEnd.ledger()
        let out = try RepoPaths.temporaryDirectory("capture-command").appendingPathComponent("none.yaml").path
        let capture = try CaptureCommand.parse(["--db", db, "--tenant", "acme", "--period", "2026-05", "--out", out])
        await #expect(throws: ExitCode(1)) { try await capture.run() }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
