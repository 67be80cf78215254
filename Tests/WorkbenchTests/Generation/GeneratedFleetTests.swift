import MoneyAndTime
import Testing
@testable import Workbench

/// The fuzz churn's renames and reused names: the combinations an audit found engine defects in
/// only through hand-written scenarios, now drawn over an ordinary seed range.
@Suite struct GeneratedFleetTests {
    /// What a timeline does with droplet names, walked in execution order.
    struct NameUse {
        var renamesToFormerNames = 0
        var renamesToOtherCase = 0
        var reusedAtOnce = 0
        var reusedLater = 0
        var reusedInAnotherProject = 0

        init(_ scenario: Scenario) {
            var live: [String: String] = [:]
            for droplet in scenario.world.droplets { live[droplet.name] = droplet.project ?? "" }
            var departed: [String: (at: Timestamp, project: String)] = [:]
            for event in scenario.timeline {
                switch event.action {
                case .renameDroplet(let name, let to):
                    let known = Set(live.keys).union(departed.keys)
                    if departed[to] != nil { renamesToFormerNames += 1 }
                    if !known.contains(to), known.contains(where: { $0.lowercased() == to.lowercased() }) { renamesToOtherCase += 1 }
                    let project = live.removeValue(forKey: name) ?? ""
                    live[to] = project
                    departed[name] = (event.at, project)
                    departed[to] = nil
                case .destroyDroplet(let name):
                    departed[name] = (event.at, live.removeValue(forKey: name) ?? "")
                case .createDroplet(let spec):
                    if let before = departed[spec.name] {
                        if before.at == event.at { reusedAtOnce += 1 } else { reusedLater += 1 }
                        if before.project != spec.project { reusedInAnotherProject += 1 }
                    }
                    departed[spec.name] = nil
                    live[spec.name] = spec.project ?? ""
                case .moveToProject(.droplet(let name), let project):
                    live[name] = project
                default: break
                }
            }
        }
    }

    @Test func seedsRenameDropletsToFormerNamesAndToNamesDifferingInCase() throws {
        let uses = try (UInt64(1)...200).map { NameUse(try ScenarioGenerator.fuzz(seed: $0, faults: false)) }
        #expect(uses.contains { $0.renamesToFormerNames > 0 }, "a rename to a destroyed or renamed-away name")
        #expect(uses.contains { $0.renamesToOtherCase > 0 }, "a rename to a name differing only in case")
    }

    @Test func seedsReuseADestroyedDropletsNameAtOnceLaterAndInAnotherProject() throws {
        let uses = try (UInt64(1)...200).map { NameUse(try ScenarioGenerator.fuzz(seed: $0, faults: false)) }
        #expect(uses.contains { $0.reusedAtOnce > 0 }, "a name reused at the instant it was given up")
        #expect(uses.contains { $0.reusedLater > 0 }, "a name reused later")
        #expect(uses.contains { $0.reusedInAnotherProject > 0 }, "a name reused in another project")
    }

    /// The benchmark's kinds draw none of it: its fleet stays what its tests pin.
    @Test func theBenchChurnNeitherRenamesNorReuses() throws {
        var random = SplitMix64(seed: 7)
        var fleet = GeneratedFleet(projectCount: 2)
        let droplets = fleet.populate(10, &random)
        let timeline = fleet.churn(days: 3, perDay: 40, start: Timestamp(year: 2026, month: 4, day: 1), kinds: GeneratedFleet.Churn.bench, &random)
        let use = NameUse(Scenario(name: "bench", seed: 7, clock: ClockRange(start: Timestamp(year: 2026, month: 4, day: 1), end: Timestamp(year: 2026, month: 4, day: 4)),
                                   world: WorldSpec(droplets: droplets), timeline: timeline))
        #expect(use.renamesToFormerNames + use.renamesToOtherCase + use.reusedAtOnce + use.reusedLater == 0)
        #expect(!timeline.contains { if case .renameDroplet = $0.action { true } else { false } })
    }
}
