import ArcadiaCore
import Foundation

/// Plays scenario files and compares (or, on request, rewrites) their goldens. It returns what
/// happened; the CLI decides what to print and which exit code that means.
public struct ScenarioRunner: Sendable {
    public struct Options: Sendable {
        public var goldensRoot: String
        public var updateGoldens: Bool
        /// Keep each run's SQLite ledger: a file when one scenario runs, else a folder of
        /// `<scenario>.sqlite` files.
        public var ledgerPath: String?
        public var elideSettledRuns: Bool
        /// Where scenarios' price-book paths may lead besides their repository (`--allow-path`).
        public var confinement: FileConfinement

        public init(goldensRoot: String = "goldens", updateGoldens: Bool = false, ledgerPath: String? = nil, elideSettledRuns: Bool = true,
                    confinement: FileConfinement = FileConfinement()) {
            self.goldensRoot = goldensRoot
            self.updateGoldens = updateGoldens
            self.ledgerPath = ledgerPath
            self.elideSettledRuns = elideSettledRuns
            self.confinement = confinement
        }
    }

    public var options: Options
    /// Monotonic seconds, injected so the workbench never reads a clock itself; only JUnit timing uses it.
    public var stopwatch: @Sendable () -> Double

    public init(options: Options, stopwatch: @escaping @Sendable () -> Double = { 0 }) {
        self.options = options
        self.stopwatch = stopwatch
    }

    /// Expands `paths` (a folder means every `*.yaml`/`*.yml` directly in it, in name order).
    public static func scenarioFiles(in paths: [String]) throws(ScenarioError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ScenarioError(location: ScenarioLocation(file: path, line: 0, column: 0), field: "path", message: "no such file or folder")
            }
            if isDirectory.boolValue {
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let found = entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                // A folder named like a scenario is listed, not skipped: reading it reports it.
                guard !found.isEmpty else {
                    throw ScenarioError(location: ScenarioLocation(file: path, line: 0, column: 0), field: "",
                                        message: "no scenarios found in \(path) (a folder means every *.yaml or *.yml directly in it)")
                }
                files += found.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// Plays `files` in order. With `checkOrphans` (a whole scenarios folder was given), golden
    /// folders that none of them produced are reported too.
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Where a run is, for a progress line: the scenario being played (1-based) and its virtual day.
    public struct Progress: Sendable, Equatable {
        public var file: String
        public var scenario: Int
        public var scenarios: Int
        public var daysDone: Int
        public var days: Int
    }

    public func run(files: [String], checkOrphans: Bool, progress: (@Sendable (Progress) -> Void)? = nil) async -> RunReport {
        let store = GoldenStore(root: options.goldensRoot)
        var outcomes: [ScenarioOutcome] = []
        var firstFileByName: [String: String] = [:]
        for (index, file) in files.enumerated() {
            let started = stopwatch()
            let dayProgress = progress.map { report in
                { @Sendable (done: Int, days: Int) in
                    report(Progress(file: file, scenario: index + 1, scenarios: files.count, daysDone: done, days: days))
                }
            }
            var outcome = await play(file: file, store: store, singleScenario: files.count == 1, progress: dayProgress,
                                     firstFileByName: &firstFileByName)
            outcome.seconds = stopwatch() - started
            outcomes.append(outcome)
        }
        let orphans = checkOrphans ? store.orphans(scenarios: Set(firstFileByName.keys)) : []
        return RunReport(outcomes: outcomes, orphanGoldens: orphans, updatedGoldens: options.updateGoldens)
    }

    private func play(file: String, store: GoldenStore, singleScenario: Bool, progress: (@Sendable (Int, Int) -> Void)?,
                      firstFileByName: inout [String: String]) async -> ScenarioOutcome {
        var outcome = ScenarioOutcome(file: file, name: nil, failure: nil, comparisons: [], updatedGoldens: [], summary: nil, seconds: 0)
        let scenario: Scenario
        do {
            scenario = try ScenarioParser.load(path: file, confinement: options.confinement)
        } catch {
            outcome.failure = .invalid(error)
            return outcome
        }
        outcome.name = scenario.name
        if let first = firstFileByName[scenario.name] {
            outcome.failure = .duplicateName(scenario.name, firstFile: first)
            return outcome
        }
        firstFileByName[scenario.name] = file
        do {
            let output = try ledgerOutput(for: scenario.name, singleScenario: singleScenario)
            let simulator = Simulator(options: Simulator.Options(ledgerPath: try output?.prepare(), elideSettledRuns: options.elideSettledRuns,
                                                                 progress: progress))
            let result = try await simulator.run(scenario)
            outcome.summary = result.summary
            let files = try LedgerExport.export(result.ledger)
            let comparing = stopwatch()
            if options.updateGoldens {
                outcome.updatedGoldens = try store.update(scenario: scenario.name, files: files)
            } else {
                outcome.comparisons = store.compare(scenario: scenario.name, files: files)
            }
            outcome.goldenSeconds = stopwatch() - comparing
            try output?.commit(result.ledger)
        } catch let error as SimulationError {
            outcome.failure = .simulation(error)
        } catch {
            outcome.failure = .io(String(describing: error))
        }
        return outcome
    }

    /// Where this scenario's kept ledger goes: the `--db` file for one scenario, else
    /// `<scenario>.sqlite` in the `--db` folder (which must not be a file).
    private func ledgerOutput(for scenario: String, singleScenario: Bool) throws -> LedgerOutput? {
        guard let base = options.ledgerPath else { return nil }
        if singleScenario { return try LedgerOutput(target: base) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw LedgerOutput.Refusal(path: base, reason: "several scenarios keep their ledgers in a folder, and this is a file (nothing was touched)")
        }
        return try LedgerOutput(target: (base as NSString).appendingPathComponent("\(scenario).sqlite"))
    }
}
