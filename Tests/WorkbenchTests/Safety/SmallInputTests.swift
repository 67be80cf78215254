import Foundation
import Testing
import TestSupport
import Workbench

/// The issue's smaller items (8): a huge seed is not echoed in full, and a folder named like a
/// scenario is reported, not skipped. (The byte-order mark and libyaml's nesting message are in
/// `InputBoundTests`; control characters in `TerminalTextTests`; accept_drift's name in
/// `DriftSimulationTests`.)
@Suite struct SmallInputTests {
    @Test func aHugeSeedIsNotEchoedInFull() {
        let digits = "1234567890" + String(repeating: "9", count: 4_990)
        do {
            _ = try ScenarioParser.parse(yaml: "scenario: t\nseed: \(digits)\nclock: {start: 2026-04-01, end: 2026-04-02}\n", file: "s.yaml")
            Issue.record("a 5,000-digit seed parsed")
        } catch {
            #expect(error.description == "s.yaml:2:7: seed: 12345678909999999999… (5000 digits) is out of range 0...18446744073709551615")
        }
    }

    @Test func aFolderNamedLikeAScenarioIsReportedNotSkipped() async throws {
        let folder = try RepoPaths.temporaryDirectory("folder-named-yaml")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("x.yaml"), withIntermediateDirectories: true)
        let files = try ScenarioRunner.scenarioFiles(in: [folder.path])
        #expect(files == [folder.appendingPathComponent("x.yaml").path])
        let report = await ScenarioRunner(options: .init(goldensRoot: folder.appendingPathComponent("goldens").path)).run(files: files, checkOrphans: false)
        #expect(!report.passed)
        #expect(ConsoleReport.render(report).contains("x.yaml:0:0: is a folder, not a file"))
    }
}
