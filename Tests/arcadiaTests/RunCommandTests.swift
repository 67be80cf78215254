import ArgumentParser
import Foundation
import Testing
import TestSupport
import Workbench
import WorkbenchTestSupport
@testable import arcadia

/// Runs `body` with `CI` set to `value` (nil: unset), then restores what the process had, so a
/// test means the same whether or not it runs under CI (which sets `CI=true`).
private func withCI<T>(_ value: String?, _ body: () async throws -> T) async rethrows -> T {
    let saved = getenv("CI").map { String(cString: $0) }
    if let value { setenv("CI", value, 1) } else { unsetenv("CI") }
    defer { if let saved { setenv("CI", saved, 1) } else { unsetenv("CI") } }
    return try await body()
}

/// Serialized: both tests change the process's environment.
@Suite(.serialized) struct RunCommandTests {
    @Test func updatingGoldensIsRefusedWhenCIIsSet() async throws {
        try await withCI("true") {
            let command = try RunCommand.parse(["scenarios", "--update-goldens"])
            await #expect(throws: ValidationError.self) { try await command.run() }
        }
    }

    /// The same file for both reports kept only the last one written; it is refused up front.
    @Test func oneFileForBothReportsIsRefused() throws {
        do {
            _ = try RunCommand.parse(["scenarios", "--junit", "out/r", "--html", "out/../out/r"])
            Issue.record("parsed")
        } catch {
            #expect(RunCommand.message(for: error) == "--junit and --html both name out/r; give each report its own file")
        }
        #expect(try RunCommand.parse(["scenarios", "--junit", "out/r.xml", "--html", "out/r.html"]).html == "out/r.html")
    }

    @Test func aMismatchExitsOneAndWritesSchemaValidJUnitWithTheDiff() async throws {
        let directory = try RepoPaths.temporaryDirectory()
        let scenarios = directory.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: ScenarioFixtures.shippedPath("droplet-lifecycle"), encoding: .utf8)
        _ = try ScenarioFixtures.write(text, to: scenarios, as: "droplet-lifecycle.yaml")
        let goldens = directory.appendingPathComponent("goldens").path
        let update = try RunCommand.parse([scenarios.path, "--goldens", goldens, "--update-goldens"])
        try await withCI(nil) { try await update.run() }

        let events = directory.appendingPathComponent("goldens/droplet-lifecycle/events.tsv")
        let golden = try String(contentsOf: events, encoding: .utf8)
        try golden.replacingOccurrences(of: "\tstale\t", with: "\tstale-ish\t").write(to: events, atomically: true, encoding: .utf8)

        let junit = directory.appendingPathComponent("junit.xml").path
        let db = directory.appendingPathComponent("ledger.sqlite").path
        let run = try RunCommand.parse([scenarios.path, "--goldens", goldens, "--junit", junit, "--db", db])
        await #expect(throws: ExitCode(1)) { try await run.run() }
        #expect(try JUnitSchema().validate(try Data(contentsOf: URL(fileURLWithPath: junit))) == [])
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<failure"))
        #expect(xml.contains("stale-ish"))
        let header = try #require(FileManager.default.contents(atPath: db)).prefix(15)
        #expect(String(decoding: header, as: UTF8.self) == "SQLite format 3", "--db keeps the ledger of a one-scenario run")
    }
}

@Suite struct CommandLineBasicsTests {
    @Test func anEmptyFolderIsAFindingNotAnOrphanReport() async throws {
        let empty = try RepoPaths.temporaryDirectory()
        let command = try RunCommand.parse([empty.path])
        await #expect(throws: ExitCode(1)) { try await command.run() }
        #expect(throws: ScenarioError.self) { try ScenarioRunner.scenarioFiles(in: [empty.path]) }
    }

    @Test func outputFoldersAreCreatedAsNeeded() async throws {
        let directory = try RepoPaths.temporaryDirectory()
        let junit = directory.appendingPathComponent("out/reports/junit.xml").path
        let db = directory.appendingPathComponent("out/ledgers/one.sqlite").path
        let command = try RunCommand.parse([ScenarioFixtures.shippedPath("droplet-lifecycle"), "--goldens", RepoPaths.root().appendingPathComponent("goldens").path,
                                            "--junit", junit, "--db", db])
        try await command.run()
        #expect(try JUnitSchema().validate(try Data(contentsOf: URL(fileURLWithPath: junit))) == [])
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func helpDocumentsTheExitCodesAndTheVersionIsSet() {
        #expect(Arcadia.configuration.version == ArcadiaVersion.current)
        let help = Arcadia.helpMessage().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("0 when everything passed") && help.contains("64 on bad usage") && help.contains("on input it cannot use"))
    }
}

@Suite struct OutputSafetyTests {
    @Test func aJUnitTargetThatIsNotAReportIsRefusedUntouched() async throws {
        let directory = try RepoPaths.temporaryDirectory()
        let target = try ScenarioFixtures.write("scenario: precious\n", to: directory, as: "self.yaml")
        let command = try RunCommand.parse([ScenarioFixtures.shippedPath("droplet-lifecycle"), "--goldens",
                                            RepoPaths.root().appendingPathComponent("goldens").path, "--junit", target])
        await #expect(throws: ExitCode(1)) { try await command.run() }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "scenario: precious\n")
    }

    /// `--goldens` naming a file used to report every ledger as "no golden", and with
    /// --update-goldens fail on a Foundation error; it is refused before anything runs.
    @Test func goldensThatAreAFileAreRefusedUntouched() async throws {
        let directory = try RepoPaths.temporaryDirectory()
        let file = try ScenarioFixtures.write("notes\n", to: directory, as: "goldens")
        #expect(RunCommand.goldensRefusal(file)
                == "refusing --goldens \(file): it is a file; the goldens are a folder of one folder per scenario (nothing was touched)")
        #expect(RunCommand.goldensRefusal(directory.path) == nil && RunCommand.goldensRefusal(directory.appendingPathComponent("new").path) == nil)
        for extra in [[], ["--update-goldens"]] {
            let command = try RunCommand.parse([ScenarioFixtures.shippedPath("droplet-lifecycle"), "--goldens", file] + extra)
            await #expect(throws: ExitCode(1)) { try await command.run() }
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "notes\n")
    }
}

@Suite struct ParallelAndShardedRunCommandTests {
    /// What a run wrote to `--junit`, without timings: what serial, parallel and sharded runs share.
    func report(_ path: String) throws -> String {
        try JUnitReport.read(try Data(contentsOf: URL(fileURLWithPath: path)), source: path).xml(includeTimings: false)
    }

    @Test func jobsAndShardsMergedByJUnitMergeGiveTheSerialRunsReport() async throws {
        let fixture = try MixedRunFixture()
        let out = fixture.root.appendingPathComponent("out").path
        func run(_ extra: [String], junit: String) async throws {
            let command = try RunCommand.parse([fixture.scenarios, "--goldens", fixture.goldens, "--junit", "\(out)/\(junit)"] + extra)
            await #expect(throws: ExitCode(1)) { try await command.run() }
        }
        try await run(["--jobs", "1"], junit: "serial.xml")
        try await run(["--jobs", "4"], junit: "parallel.xml")
        try await run(["--shard", "1/2"], junit: "shard-1.xml")
        try await run(["--shard", "2/2", "--jobs", "2"], junit: "shard-2.xml")
        try JUnitCommand.Merge.parse(["\(out)/shard-1.xml", "\(out)/shard-2.xml", "-o", "\(out)/merged.xml"]).run()

        let serial = try report("\(out)/serial.xml")
        #expect(serial.contains("s-8vcpu-16gb") && serial.contains("goldens/retired/"))
        #expect(try report("\(out)/parallel.xml") == serial)
        #expect(try report("\(out)/merged.xml") == serial)
        #expect(try report("\(out)/shard-1.xml") != serial)
    }

    @Test func badJobsAndShardsAreUsageErrors() {
        for arguments in [["--jobs", "0"], ["--shard", "3/2"], ["--shard", "half"]] {
            #expect(throws: (any Error).self, "\(arguments)") { try RunCommand.parse(["scenarios"] + arguments) }
        }
        #expect(throws: Never.self) { try RunCommand.parse(["scenarios", "--shard", "2/2", "--jobs", "3"]) }
    }
}
