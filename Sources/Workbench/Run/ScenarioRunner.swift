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
        /// How many scenarios play at once. The report is the same whatever it is: outcomes are
        /// kept in file order, and each scenario has its own fake, clock and ledger.
        public var jobs: Int
        /// Play only this slice of the files (`--shard I/N`).
        public var shard: RunShard?

        public init(goldensRoot: String = "goldens", updateGoldens: Bool = false, ledgerPath: String? = nil, elideSettledRuns: Bool = true,
                    confinement: FileConfinement = FileConfinement(), jobs: Int = 1, shard: RunShard? = nil) {
            self.goldensRoot = goldensRoot
            self.updateGoldens = updateGoldens
            self.ledgerPath = ledgerPath
            self.elideSettledRuns = elideSettledRuns
            self.confinement = confinement
            self.jobs = jobs
            self.shard = shard
        }
    }

    public var options: Options
    /// Monotonic seconds, injected so the workbench never reads a clock itself; only JUnit timing uses it.
    public var stopwatch: @Sendable () -> Double

    public init(options: Options, stopwatch: @escaping @Sendable () -> Double = { 0 }) {
        self.options = options
        self.stopwatch = stopwatch
    }

    /// Expands `paths` (a folder means every `*.yaml`/`*.yml` directly in it, in name order), each
    /// file once.
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
        // A file named twice (a folder and, again, one of its files) is one scenario, played once.
        var seen: Set<String> = []
        return files.filter { seen.insert(($0 as NSString).standardizingPath).inserted }
    }

    /// Whether `path` is a folder: a run given a whole scenarios folder also reports golden folders
    /// that none of its scenarios produced (`checkOrphans`).
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

    /// Plays `files` (or, with a shard, its slice of them), `options.jobs` at a time, and reports
    /// them in file order. Every file is read first, all of them even when sharded, so that which
    /// names more than one file declares and which golden folders no scenario produces are
    /// decided over the whole run, the same in every shard.
    public func run(files: [String], checkOrphans: Bool, progress: (@Sendable (Progress) -> Void)? = nil) async -> RunReport {
        let store = GoldenStore(root: options.goldensRoot)
        let stopwatch = self.stopwatch
        let loaded = await boundedMap(files, limit: options.jobs) { file in
            let started = stopwatch()
            let scenario = Swift.Result { () throws(ScenarioError) -> Scenario in try ScenarioParser.load(path: file, confinement: options.confinement) }
            return (scenario: scenario, seconds: stopwatch() - started)
        }
        var filesByName: [String: [String]] = [:]
        for (index, file) in files.enumerated() {
            if case .success(let parsed) = loaded[index].scenario { filesByName[parsed.name, default: []].append(file) }
        }
        // An invalid file's folder is still its own: it is not offered for deletion as an orphan.
        var claimed = Set(filesByName.keys)
        var plays: [Play] = []
        for (index, file) in files.enumerated() {
            var outcome = ScenarioOutcome(file: file, name: nil, failure: nil, comparisons: [], updatedGoldens: [], summary: nil,
                                          seconds: loaded[index].seconds)
            var scenario: Scenario?
            switch loaded[index].scenario {
            case .failure(let error):
                outcome.failure = .invalid(error)
                if let name = ScenarioParser.declaredName(path: file) { claimed.insert(name) }
            case .success(let parsed):
                outcome.name = parsed.name
                let sharing = filesByName[parsed.name] ?? []
                if sharing.count > 1 {
                    outcome.failure = .duplicateName(parsed.name, otherFiles: sharing.filter { $0 != file })
                } else {
                    scenario = parsed
                }
            }
            if options.shard?.positions(of: files.count).contains(index) ?? true { plays.append(Play(outcome: outcome, scenario: scenario)) }
        }
        let singleScenario = files.count == 1
        let total = plays.count
        let longestFirst = plays.indices.sorted { (plays[$0].estimatedCost, $1) > (plays[$1].estimatedCost, $0) }
        let outcomes = await boundedMap(Array(plays.enumerated()), limit: options.jobs, startOrder: longestFirst) { position, play in
            guard let scenario = play.scenario else { return play.outcome }
            let dayProgress = progress.map { report in
                { @Sendable (done: Int, days: Int) in
                    report(Progress(file: play.outcome.file, scenario: position + 1, scenarios: total, daysDone: done, days: days))
                }
            }
            let started = stopwatch()
            var outcome = await self.play(scenario, outcome: play.outcome, store: store, singleScenario: singleScenario, progress: dayProgress)
            outcome.seconds += stopwatch() - started
            return outcome
        }
        let orphans = checkOrphans && (options.shard?.checksOrphans ?? true) ? store.orphans(scenarios: claimed) : []
        return RunReport(outcomes: outcomes, orphanGoldens: orphans, updatedGoldens: options.updateGoldens, goldensRoot: options.goldensRoot)
    }

    /// A file read and claimed, waiting to be played (`scenario` nil: its outcome is already final).
    private struct Play: Sendable {
        var outcome: ScenarioOutcome
        var scenario: Scenario?

        /// How long the play is likely to take, to start the longest first: its clock span, since a
        /// play sweeps the fake at every sync instant of it (0 for a file already decided).
        var estimatedCost: Int64 { scenario.map { $0.clock.end.seconds - $0.clock.start.seconds } ?? 0 }
    }

    private func play(_ scenario: Scenario, outcome: ScenarioOutcome, store: GoldenStore, singleScenario: Bool,
                      progress: (@Sendable (Int, Int) -> Void)?) async -> ScenarioOutcome {
        var outcome = outcome
        var output: LedgerOutput?
        // A play that fails leaves the kept ledger's target as it was, and no scratch file beside it.
        defer { if outcome.failure != nil { output?.discard() } }
        do {
            output = try ledgerOutput(for: scenario.name, singleScenario: singleScenario)
            let simulator = Simulator(options: Simulator.Options(ledgerPath: try output?.prepare(), elideSettledRuns: options.elideSettledRuns,
                                                                 progress: progress))
            let result = try await simulator.run(scenario)
            outcome.summary = result.summary
            let files = try LedgerExport.export(result.ledger)
            outcome.figures = ScenarioFigures(clock: scenario.clock, ledgers: files)
            outcome.expectations = try await ExpectationCheck.evaluate(scenario.expectations, ledger: result.ledger)
            let comparing = stopwatch()
            if options.updateGoldens {
                let update = try store.update(scenario: scenario.name, files: files)
                outcome.updatedGoldens = update.rewritten
                outcome.removedGoldens = update.removed
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
