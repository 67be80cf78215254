import ArgumentParser
import Foundation
import Testing
import TestSupport
import Workbench
import WorkbenchTestSupport
@testable import arcadia

@Suite struct JUnitCommandTests {
    let directory = try! RepoPaths.temporaryDirectory()

    func write(_ text: String, _ name: String) throws -> String {
        try ScenarioFixtures.write(text, to: directory, as: name)
    }

    static let report = JUnitReport(name: "arcadia", suites: [
        JUnitSuite(name: "a", file: "scenarios/a.yaml", cases: [JUnitCase(name: "inventory.tsv", className: "scenario.a", outcome: .passed)]),
        JUnitSuite(name: "b", file: "scenarios/b.yaml", cases: [
            JUnitCase(name: "cost_lines.tsv", className: "scenario.b", outcome: .failed(message: "differs", body: "-1\n+2\n")),
        ]),
    ])

    @Test func validateAcceptsAReportAndExitsOneOnAnAttributeTheSchemaLacks() throws {
        let good = try write(Self.report.xml(), "good.xml")
        try JUnitCommand.Validate.parse([good]).run()
        let bad = try write(Self.report.xml().replacingOccurrences(of: "<testsuites ", with: "<testsuites skipped=\"1\" "), "bad.xml")
        #expect(throws: ExitCode(1)) { try JUnitCommand.Validate.parse([good, bad]).run() }
    }

    @Test func mergeOfTwoShardsEqualsTheWholeReportIntoAFolderItCreates() throws {
        let first = try write(JUnitReport(name: "arcadia", suites: [Self.report.suites[0]]).xml(), "shard-1.xml")
        let second = try write(JUnitReport(name: "arcadia", suites: [Self.report.suites[1]]).xml(), "shard-2.xml")
        let output = directory.appendingPathComponent("out/merged.xml").path
        try JUnitCommand.Merge.parse([first, second, "-o", output]).run()
        #expect(try String(contentsOfFile: output, encoding: .utf8) == Self.report.xml())
    }

    @Test func mergeRefusesAFileThatIsNotJUnitAndWritesNothing() throws {
        let notXML = try write("{\"json\": true}", "not.xml")
        let output = directory.appendingPathComponent("merged.xml").path
        #expect(throws: InputError.self) { try JUnitCommand.Merge.parse([notXML, "-o", output]).run() }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// Each used to be merged without a word: a document the schema rejects (as an empty report),
    /// and a shard named twice (its suites twice). An existing file that is no report, and a
    /// folder, are refused as `run --junit` refuses them.
    @Test func mergeRefusesAnInvalidReportAShardNamedTwiceAndATargetThatIsNoReport() throws {
        let good = try write(Self.report.xml(), "good.xml")
        let invalid = try write("<testsuites><foo/></testsuites>", "invalid.xml")
        let output = directory.appendingPathComponent("merged.xml").path
        #expect(throws: InputError.self) { try JUnitCommand.Merge.parse([good, invalid, "-o", output]).run() }
        let twice = #expect(throws: InputError.self) { try JUnitCommand.Merge.parse([good, good, "-o", output]).run() }
        #expect(twice?.description == "\(good) is named twice; each report is merged once")
        #expect(!FileManager.default.fileExists(atPath: output))
        let notes = try write("my notes", "notes.txt")
        #expect(throws: InputError.self) { try JUnitCommand.Merge.parse([good, "-o", notes]).run() }
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes")
        #expect(throws: InputError.self) { try JUnitCommand.Merge.parse([good, "-o", directory.path]).run() }
    }
}
