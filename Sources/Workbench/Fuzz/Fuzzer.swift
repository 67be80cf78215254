import Foundation
import MoneyAndTime

/// `arcadia fuzz`: for each seed, generate a scenario (`ScenarioGenerator`), check it under every
/// invariant (`ScenarioCheck`), and shrink each violated invariant's scenario to a minimal one
/// (`Shrinker`), written through `ScenarioWriter` as `<folder>/fuzz-<seed>-<invariant>[-<subject>].yaml` so
/// `arcadia run` replays it.
public struct Fuzzer: Sendable {
    public struct Finding: Sendable, Equatable {
        public var seed: UInt64
        public var violation: Violation
        /// The shrunk scenario, named `fuzz-<seed>-<invariant>[-<subject>]`.
        public var scenario: Scenario
        public var eventsBefore: Int
        /// The file it was written to (nil when no folder was given).
        public var file: String?
    }

    public struct SeedResult: Sendable, Equatable {
        public var seed: UInt64
        public var findings: [Finding]
        /// The generator made a scenario its own validator refuses (a bug in the generator).
        public var generatorError: String?
    }

    public var faults: Bool
    /// Where shrunk scenarios are written (nil: not written).
    public var findingsFolder: String?
    public var shrinkBudget: Int

    public init(faults: Bool, findingsFolder: String?, shrinkBudget: Int = 400) {
        self.faults = faults
        self.findingsFolder = findingsFolder
        self.shrinkBudget = shrinkBudget
    }

    /// Checks every seed, `jobs` at a time, in seed order; `shouldStart` is asked before each seed
    /// starts (a time budget) and a seed it refuses is not run.
    public func run(seeds: [UInt64], jobs: Int, shouldStart: @escaping @Sendable () -> Bool = { true }) async -> [SeedResult] {
        let results = await boundedMap(seeds, limit: jobs) { seed -> SeedResult? in
            guard shouldStart() else { return nil }
            return await check(seed: seed)
        }
        return results.compactMap { $0 }
    }

    public func check(seed: UInt64) async -> SeedResult {
        let scenario: Scenario
        do {
            scenario = try ScenarioGenerator.fuzz(seed: seed, faults: faults)
        } catch {
            return SeedResult(seed: seed, findings: [], generatorError: String(describing: error))
        }
        var findings: [Finding] = []
        var shrunkFor: [String] = []
        for violation in await ScenarioCheck.violations(of: scenario) where !shrunkFor.contains(violation.slug) {
            shrunkFor.append(violation.slug)
            var shrunk = await Shrinker.shrink(scenario, budget: shrinkBudget) { await ScenarioCheck.violates($0, like: violation) }
            shrunk.name = "fuzz-\(seed)-\(violation.slug)"
            shrunk.description = "Found by arcadia fuzz (seed \(seed)\(faults ? ", --faults" : "")) and shrunk from \(scenario.timeline.count) "
                + "timeline events to \(shrunk.timeline.count): \(violation)"
            var finding = Finding(seed: seed, violation: violation, scenario: shrunk, eventsBefore: scenario.timeline.count)
            if let folder = findingsFolder {
                finding.file = try? Self.writeFinding(shrunk, into: folder)
            }
            findings.append(finding)
        }
        return SeedResult(seed: seed, findings: findings, generatorError: nil)
    }

    /// Writes the scenario beside its final name and renames it into place.
    public static func writeFinding(_ scenario: Scenario, into folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("\(scenario.name).yaml")
        try Data(ScenarioWriter.yaml(scenario).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }
}
