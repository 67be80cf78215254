import DigitalOcean
import MoneyAndTime

/// Generates the benchmark's fleet: `droplets` droplets spread over projects, and `churnPerDay`
/// lifecycle events a day (resize, power off/on, destroy and replace), all from `seed`, through
/// the fuzzer's generator (`GeneratedFleet`). A generated scenario goes through the validator like
/// a file does; with no file, an error names the event by its index
/// (`bench-fleet:0:0: timeline[12].resize_droplet.name: …`).
public enum FleetScenario {
    public static func make(droplets: Int, days: Int, churnPerDay: Int, seed: UInt64,
                            start: Timestamp = Timestamp(year: 2026, month: 1, day: 1)) throws(ScenarioError) -> Scenario {
        var random = SplitMix64(seed: seed)
        var fleet = GeneratedFleet(projectCount: max(1, droplets / 100))
        var world = WorldSpec()
        world.projects = fleet.projects
        world.droplets = fleet.populate(droplets, &random)
        let timeline = fleet.churn(days: days, perDay: churnPerDay, start: start, kinds: GeneratedFleet.Churn.bench, &random)
        let scenario = Scenario(name: "bench-fleet", description: "generated benchmark fleet", seed: seed,
                                clock: ClockRange(start: start, end: start + Int64(days) * 86_400), world: world, timeline: timeline)
        try ScenarioValidator.validate(scenario)
        return scenario
    }
}
