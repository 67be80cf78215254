import ArgumentParser
import Foundation
import Workbench

struct FuzzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Generate seeded scenarios, play them under the invariant checkers, shrink what fails (docs/fuzzing.md).",
        discussion: """
            Each seed's violations are shrunk and written to --out as fuzz-<seed>-<invariant>[-<subject>].yaml, which `arcadia run` \
            replays. With --parser, mutates the shipped scenarios instead and checks every mutant parses or fails at a \
            file:line:column. Exit code 1 when anything was found.
            """
    )

    @Option(help: "Seeds to run, as A..B (inclusive) or one number.")
    var seeds = "1..100"

    @Flag(help: "Add listing and balance outages to the generated scenarios.")
    var faults = false

    @Option(help: "Seeds checked at once.")
    var jobs = 1

    @Option(help: "Start no new seed after this many minutes of wall time (the findings do not depend on it).")
    var minutes: Double?

    @Option(help: "Where shrunk scenarios are written.")
    var out = "fuzz-findings"

    @Flag(help: "Fuzz the scenario parser with mutants of the files under --scenarios instead.")
    var parser = false

    @Option(help: "Scenario folder the parser mode mutates.")
    var scenarios = "scenarios"

    @Option(help: "Mutants per scenario file in parser mode.")
    var mutants = 200

    func run() async throws {
        guard let range = Self.seedRange(seeds) else {
            throw ValidationError("--seeds takes A..B or one number, e.g. 1..100")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if parser { return try runParser(seed: range.lowerBound) }
        let started = Stopwatch.seconds()
        let budget = minutes.map { $0 * 60 }
        let fuzzer = Fuzzer(faults: faults, findingsFolder: out)
        let results = await fuzzer.run(seeds: Array(range), jobs: jobs) {
            budget.map { Stopwatch.seconds() - started < $0 } ?? true
        }
        var found = 0
        for result in results {
            if let error = result.generatorError {
                print("seed \(result.seed): the generator made an invalid scenario: \(error)")
                found += 1
            }
            for finding in result.findings {
                found += 1
                print("seed \(finding.seed): \(TerminalText.safe(finding.violation.description))")
                print("  shrunk from \(finding.eventsBefore) to \(finding.scenario.timeline.count) timeline events and "
                      + "\(finding.scenario.world.droplets.count) droplet(s): \(finding.file ?? "not written")")
            }
        }
        let skipped = range.count - results.count
        print("fuzz: \(results.count) seed(s) run\(faults ? " with faults" : "")\(skipped > 0 ? ", \(skipped) not started (--minutes)" : ""), "
              + "\(found) finding(s)")
        if found > 0 { throw ExitCode(1) }
    }

    private func runParser(seed: UInt64) throws {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: scenarios)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { (scenarios as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else { throw InputError("no .yaml files in \(scenarios)") }
        let report = ParserFuzzer(seed: seed).run(files: files, mutantsPerFile: mutants)
        for problem in report.problems { print(TerminalText.safe(problem)) }
        print("fuzz --parser: \(report.mutants) mutant(s) of \(files.count) file(s): \(report.parsed) parsed, \(report.locatedErrors) refused "
              + "at a file:line:column, \(report.problems.count) problem(s); slowest parse \(String(format: "%.3f", report.slowestSeconds)) s")
        if !report.problems.isEmpty { throw ExitCode(1) }
    }

    /// `A..B` or `N`.
    static func seedRange(_ text: String) -> ClosedRange<UInt64>? {
        let parts = text.components(separatedBy: "..")
        guard parts.count <= 2, let low = UInt64(parts[0]), let high = UInt64(parts.last!), low <= high, high - low < 10_000_000 else { return nil }
        return low...high
    }
}
