import Foundation

/// The result of playing one scenario file.
public struct ScenarioOutcome: Sendable {
    public enum Failure: Sendable, Equatable, CustomStringConvertible {
        /// The file did not parse or validate; nothing ran.
        case invalid(ScenarioError)
        /// It parsed but could not be played.
        case simulation(SimulationError)
        /// Files that declare the same `scenario:` name would share one golden folder, so none of
        /// them is played (an update by one would rewrite what the other owns).
        case duplicateName(String, otherFiles: [String])
        /// Writing goldens or the ledger file failed.
        case io(String)

        public var description: String {
            switch self {
            case .invalid(let error): return error.description
            case .simulation(let error): return error.description
            case .duplicateName(let name, let others):
                return "scenario name '\(name)' is also declared by \(others.joined(separator: ", ")); it names the golden folder, "
                    + "so each scenario needs its own (none of them was played)"
            case .io(let message): return message
            }
        }
    }

    public var file: String
    public var name: String?
    public var failure: Failure?
    public var comparisons: [GoldenStore.Comparison]
    /// The scenario's `expect:` items, compared with the ledger the run left.
    public var expectations: [ExpectationResult] = []
    /// Golden files rewritten (update mode only).
    public var updatedGoldens: [String]
    /// Golden files removed by an update: the scenario no longer produces them.
    public var removedGoldens: [String] = []
    public var summary: RunSummary?
    /// What the HTML report charts, read from this run's ledgers.
    public var figures: ScenarioFigures?
    /// Wall-clock seconds, for JUnit only; never part of a ledger: the whole scenario, and the
    /// part spent comparing (or rewriting) its goldens.
    public var seconds: Double
    public var goldenSeconds: Double = 0

    public var passed: Bool { failure == nil && comparisons.allSatisfy(\.passed) && expectations.allSatisfy(\.passed) }

    /// `name (file)` for a file whose scenario name another file of the run declares too: reports
    /// named them alike, and a viewer grouping by name put one's error under the other.
    public var duplicateLabel: String? {
        guard case .duplicateName(let name, _)? = failure else { return nil }
        return "\(name) (\(file))"
    }
}

/// The result of `arcadia run`: every scenario, plus golden folders no scenario produced.
public struct RunReport: Sendable {
    public var outcomes: [ScenarioOutcome]
    /// Names of golden folders under `goldensRoot`.
    public var orphanGoldens: [String]
    /// The goldens were rewritten, not compared.
    public var updatedGoldens: Bool
    /// The goldens folder as the run was given it (`--goldens`), for naming golden paths in reports.
    public var goldensRoot: String

    public init(outcomes: [ScenarioOutcome], orphanGoldens: [String], updatedGoldens: Bool, goldensRoot: String = "goldens") {
        self.outcomes = outcomes
        self.orphanGoldens = orphanGoldens
        self.updatedGoldens = updatedGoldens
        self.goldensRoot = goldensRoot
    }

    /// `<goldens root>/<orphan>/`.
    public func orphanPath(_ orphan: String) -> String { (goldensRoot as NSString).appendingPathComponent(orphan) + "/" }

    public var passed: Bool { outcomes.allSatisfy(\.passed) && orphanGoldens.isEmpty }
}
