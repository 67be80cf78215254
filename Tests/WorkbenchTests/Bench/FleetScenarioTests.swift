import DigitalOcean
import Testing
@testable import Workbench

/// The generated benchmark fleet goes through the validator's dry run like a scenario file.
struct FleetScenarioTests {
    @Test func aGeneratedFleetIsValidAndDeterministic() throws {
        let fleet = try FleetScenario.make(droplets: 30, days: 3, churnPerDay: 20, seed: 7)
        #expect(fleet.world.droplets.count == 30 && fleet.timeline.count == 60)
        #expect(try FleetScenario.make(droplets: 30, days: 3, churnPerDay: 20, seed: 7) == fleet)
    }

    /// With no file, the error names the field path and the event's index, at `<name>:0:0`.
    @Test func anErrorInAGeneratedEventNamesItsIndex() throws {
        var fleet = try FleetScenario.make(droplets: 30, days: 3, churnPerDay: 20, seed: 7)
        fleet.timeline[12].action = .resizeDroplet(name: "ghost", size: "s-1vcpu-1gb")
        let at = fleet.timeline[12].at
        #expect(throws: ScenarioError(location: ScenarioLocation(file: "bench-fleet", line: 0, column: 0),
                                      field: "timeline[12].resize_droplet.name", message: "no droplet named 'ghost' exists at \(at)")) {
            try ScenarioValidator.validate(fleet)
        }
    }
}
