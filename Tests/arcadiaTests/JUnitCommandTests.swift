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
        #expect(throws: ExitCode(1)) { try JUnitCommand.Merge.parse([notXML, "-o", output]).run() }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
