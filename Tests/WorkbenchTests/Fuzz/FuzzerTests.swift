import ArcadiaCore
import Foundation
import MoneyAndTime
import Testing
import TestSupport
import Workbench
import WorkbenchTestSupport

/// The fuzzer end to end: the CI seed range holds every invariant, the shrinker shrinks a planted
/// failure to what causes it, a finding is written as a scenario `arcadia run` reads, and the
/// parser survives mutants of every shipped scenario.
@Suite struct FuzzerTests {
    /// The fixed range CI runs (with and without faults); `arcadia fuzz` runs any other.
    static let ciSeeds: [UInt64] = Array(1...8)

    @Test(arguments: [false, true])
    func theCISeedRangeHoldsEveryInvariant(faults: Bool) async throws {
        let results = await Fuzzer(faults: faults, findingsFolder: nil, shrinkBudget: 0).run(seeds: Self.ciSeeds, jobs: 2)
        #expect(results.map(\.seed) == Self.ciSeeds)
        #expect(results.compactMap(\.generatorError) == [])
        #expect(results.flatMap(\.findings).map(\.violation) == [])
    }

    /// The planted failure: "the timeline destroys this world droplet". The shrinker keeps that
    /// one event and the droplet it names, and drops every other event, droplet and day it can.
    @Test func theShrinkerShrinksAPlantedFailureToItsCause() async throws {
        let (scenario, victim) = try #require(try (UInt64(1)...50).lazy.compactMap { seed -> (Scenario, String)? in
            let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: true)
            let worldNames = scenario.world.droplets.map(\.name)
            for event in scenario.timeline {
                if case .destroyDroplet(let name) = event.action, worldNames.contains(name) { return (scenario, name) }
            }
            return nil
        }.first)
        let planted = { (candidate: Scenario) in candidate.timeline.contains { $0.action == .destroyDroplet(name: victim) } }
        let shrunk = await Shrinker.shrink(scenario) { planted($0) }
        #expect(shrunk.timeline.map(\.action) == [.destroyDroplet(name: victim)])
        #expect(shrunk.world.droplets.map(\.name) == [victim])
        #expect(shrunk.timeline.count < scenario.timeline.count)
        #expect(shrunk.clock.end - shrunk.clock.start <= scenario.clock.end - scenario.clock.start)
        try ScenarioValidator.validate(shrunk)
    }

    /// The planted failure needs only tenant t1 and the subscription of one of its deployments:
    /// the shrinker drops the other tenant with its deployments, t1's other deployments, every
    /// other subscription, and the price book and droplets nothing needs.
    @Test func theShrinkerDropsTenantsDeploymentsSubscriptionsAndBooks() async throws {
        var found: Scenario?
        for seed: UInt64 in 1...80 where found == nil {
            let candidate = try ScenarioGenerator.fuzz(seed: seed, faults: false)
            if candidate.tenancy.tenants.count == 2, candidate.tenancy.deployments.count == 3, candidate.priceBooks.count >= 2 { found = candidate }
        }
        let scenario = try #require(found)
        let t1 = Set(scenario.tenancy.deployments.filter { $0.tenant == "t1" }.map(\.code))
        let planted = { (candidate: Scenario) in
            candidate.tenancy.tenants.contains { $0.code == "t1" } && candidate.timeline.contains {
                if case .subscribe(let spec) = $0.action { return t1.contains(spec.deployment) }
                return false
            }
        }
        let shrunk = await Shrinker.shrink(scenario) { planted($0) }
        try ScenarioValidator.validate(shrunk)
        #expect(shrunk.tenancy.tenants.map(\.code) == ["t1"])
        #expect(shrunk.tenancy.deployments.count == 1)
        #expect(shrunk.tenancy.deployments.allSatisfy { t1.contains($0.code) })
        #expect(shrunk.timeline.count == 1)
        #expect(shrunk.priceBooks.count < scenario.priceBooks.count)
        #expect(shrunk.world.droplets.isEmpty)
    }

    /// A finding is a file: shrunk, named after its seed and invariant, and read back equal.
    @Test func aFindingIsWrittenAsAScenarioThatReadsBack() async throws {
        let folder = try RepoPaths.temporaryDirectory("fuzz-finding")
        defer { try? FileManager.default.removeItem(at: folder) }
        var scenario = try ScenarioGenerator.fuzz(seed: 5, faults: false)
        scenario.name = "fuzz-5-determinism"
        let path = try Fuzzer.writeFinding(scenario, into: folder.path)
        #expect(path.hasSuffix("/fuzz-5-determinism.yaml"))
        #expect(try ScenarioParser.load(path: path).withoutLocations() == scenario)
    }

    /// Determinism: one seed checked twice gives the same findings (none) and the same ledgers.
    @Test func checkingASeedTwiceGivesTheSameLedger() async throws {
        let scenario = try ScenarioGenerator.fuzz(seed: 11, faults: true)
        let first = try await Simulator().run(scenario)
        let second = try await Simulator().run(scenario)
        #expect(try LedgerExport.export(first.ledger) == LedgerExport.export(second.ledger))
    }

    @Test func theParserSurvivesMutantsOfEveryShippedScenario() throws {
        let files = ScenarioFixtures.shippedNames.map { ScenarioFixtures.shippedPath($0) }
        let report = ParserFuzzer(seed: 7).run(files: files, mutantsPerFile: 15)
        #expect(report.mutants == files.count * 15)
        #expect(report.problems == [])
        #expect(report.parsed + report.locatedErrors == report.mutants)
        #expect(report.locatedErrors > report.mutants / 2, "most mutants must be refused, or the mutations are too gentle")
    }
}
