import Foundation
import Testing
import Workbench

/// The fuzzer's generator: valid, deterministic, varied, and a file `arcadia run` reads back.
@Suite struct ScenarioGeneratorTests {
    @Test func theSameSeedGivesTheSameScenarioAndFile() throws {
        for seed: UInt64 in [1, 2, 99] {
            let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: true)
            #expect(try ScenarioGenerator.fuzz(seed: seed, faults: true) == scenario)
            #expect(ScenarioWriter.yaml(try ScenarioGenerator.fuzz(seed: seed, faults: true)) == ScenarioWriter.yaml(scenario))
        }
        #expect(try ScenarioGenerator.fuzz(seed: 1, faults: false) != ScenarioGenerator.fuzz(seed: 2, faults: false))
    }

    /// Every generated scenario is written as a file the parser reads back to the same value.
    @Test func aGeneratedScenarioReadsBackFromItsFile() throws {
        for seed: UInt64 in 1...20 {
            let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: seed.isMultiple(of: 2))
            let parsed = try ScenarioParser.parse(yaml: ScenarioWriter.yaml(scenario), file: "fuzz.yaml")
            #expect(parsed.withoutLocations() == scenario, "seed \(seed)")
        }
    }

    /// Across a few seeds the generator reaches every area the issue names.
    @Test func theGeneratorCoversEveryArea() throws {
        var actions = Set<String>()
        var crossesAMonth = true
        var bookChanges = false
        for seed: UInt64 in 1...30 {
            let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: true)
            for event in scenario.timeline { actions.insert(String(describing: event.action).prefix { $0 != "(" }.description) }
            crossesAMonth = crossesAMonth && scenario.clock.start.startOfNextMonth < scenario.clock.end
            bookChanges = bookChanges || scenario.priceBooks.count > 1
            #expect(!scenario.tenancy.deployments.isEmpty)
        }
        #expect(crossesAMonth)
        #expect(bookChanges)
        for action in ["createDroplet", "destroyDroplet", "resizeDroplet", "powerOffDroplet", "takeSnapshot", "enableBackups", "moveToProject",
                       "subscribe", "changeSubscription", "endSubscription", "fault"] {
            #expect(actions.contains(action), "no \(action) in 30 seeds")
        }
    }
}
