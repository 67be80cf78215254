import ArgumentParser
import Foundation
import Workbench

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Play scenarios and compare their ledgers with the goldens.",
        discussion: "Exits 0 when every ledger matches its golden; 1 on any mismatch, missing golden, orphaned golden folder or invalid scenario."
    )

    @Argument(help: "Scenario files or folders (a folder means every *.yaml or *.yml directly in it).")
    var paths: [String] = ["scenarios"]

    @Option(help: "The goldens folder.")
    var goldens = "goldens"

    @Flag(help: "Rewrite the goldens from this run instead of comparing (refused when CI is set).")
    var updateGoldens = false

    @Option(help: "Write a JUnit XML report here.")
    var junit: String?

    @Option(help: "Write a self-contained HTML report here (summary, table diffs of failing ledgers, charts).")
    var html: String?

    @Option(help: "Keep the SQLite ledger: this file for one scenario, a folder of <scenario>.sqlite for several.")
    var db: String?

    @Flag(help: "Fire every worker at every tick, even when nothing it reads changed (slower; same ledgers).")
    var noElide = false

    @OptionGroup var allowPath: AllowPathOption

    @Option(help: "Scenarios played at once (default: the number of cores). The report is the same for any N.")
    var jobs: Int?

    @Option(help: ArgumentHelp("Play only slice I of N (1-based), for a CI matrix; `arcadia junit merge` joins the shards' reports.",
                               valueName: "I/N"),
            transform: { text in
                do { return try RunShard(parsing: text) } catch { throw ValidationError(String(describing: error)) }
            })
    var shard: RunShard?

    enum Annotations: String, ExpressibleByArgument, CaseIterable {
        case github
    }

    @Option(help: "Also print each finding as a CI annotation (github: ::error file=…,line=…:: lines).")
    var annotations: Annotations?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
        // Each report is written whole into its target: the same file for both kept only the last.
        if let junit, let html, URL(fileURLWithPath: junit).standardizedFileURL == URL(fileURLWithPath: html).standardizedFileURL {
            throw ValidationError("--junit and --html both name \(junit); give each report its own file")
        }
    }

    func run() async throws {
        if let refusal = Self.goldensRefusal(goldens) {
            print(refusal)
            throw ExitCode(1)
        }
        if updateGoldens, let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
            throw ValidationError("--update-goldens is refused when CI is set: goldens are only rewritten by a person who read the diff.")
        }
        let files: [String]
        do {
            files = try ScenarioRunner.scenarioFiles(in: paths)
        } catch {
            print(TerminalText.safe(error.description))
            throw ExitCode(1)
        }
        let junitOutput: ReportOutput?
        let htmlOutput: ReportOutput?
        do {
            junitOutput = try junit.map { path throws(OutputRefusal) in try ReportOutput(target: path, option: "--junit", kind: .junit) }
            htmlOutput = try html.map { path throws(OutputRefusal) in try ReportOutput(target: path, option: "--html", kind: .html) }
        } catch {
            print(TerminalText.safe(error.description))
            throw ExitCode(1)
        }
        let runner = ScenarioRunner(
            options: .init(goldensRoot: goldens, updateGoldens: updateGoldens, ledgerPath: db, elideSettledRuns: !noElide,
                           confinement: allowPath.confinement,
                           // The cores are read here, not as the option's default, which --help would print as this machine's.
                           jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: shard),
            stopwatch: Stopwatch.seconds)
        let line = ProgressLine()
        let report = await runner.run(files: files, checkOrphans: paths.contains(where: ScenarioRunner.isDirectory)) { at in
            line.show("[\(at.scenario)/\(at.scenarios)] \(at.file): virtual day \(at.daysDone + 1) of \(at.days)")
        }
        line.finish()
        print(TerminalText.safe(ConsoleReport.render(report)), terminator: "")
        if annotations == .github { print(TerminalText.safe(GitHubAnnotations.render(report)), terminator: "") }
        do {
            try junitOutput?.write(JUnitBuilder.report(for: report).xml())
            try htmlOutput?.write(HTMLReport.render(report))
        } catch {
            print(TerminalText.safe(error.description))
            throw ExitCode(1)
        }
        if !report.passed { throw ExitCode(1) }
    }
}

extension RunCommand {
    /// Why `--goldens` cannot be used, checked before anything runs: a file where the folder goes.
    static func goldensRefusal(_ goldens: String) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: goldens, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        return "refusing --goldens \(goldens): it is a file; the goldens are a folder of one folder per scenario (nothing was touched)"
    }
}

/// Monotonic wall time, for reporting durations only.
enum Stopwatch {
    @Sendable static func seconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
