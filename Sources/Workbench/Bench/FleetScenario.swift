import DigitalOcean
import MoneyAndTime

/// Generates the benchmark's fleet: `droplets` droplets spread over projects, and `churnPerDay`
/// lifecycle events a day (resize, power off/on, destroy and replace), all from `seed`. A generated
/// scenario goes through the validator like a file does; with no file, an error names the event by
/// its index (`bench-fleet:0:0: timeline[12].resize_droplet.name: …`).
public enum FleetScenario {
    static let sizes = ["s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-2gb", "s-2vcpu-4gb", "s-4vcpu-8gb"]
    static let regions = ["syd1", "sgp1", "nyc3", "fra1", "lon1"]

    public static func make(droplets: Int, days: Int, churnPerDay: Int, seed: UInt64,
                            start: Timestamp = Timestamp(year: 2026, month: 1, day: 1)) throws(ScenarioError) -> Scenario {
        var random = SplitMix64(seed: seed)
        let projectCount = max(1, droplets / 100)
        var world = WorldSpec()
        world.projects = (0..<projectCount).map { ProjectSpec(name: "fleet-\($0)", environment: "Production") }
        var live: [(name: String, on: Bool, size: String)] = []
        var nextName = 0
        func newDroplet() -> DropletSpec {
            defer { nextName += 1 }
            return DropletSpec(name: "node-\(nextName)", size: sizes[Int(random.next() % UInt64(sizes.count))],
                               region: regions[nextName % regions.count], project: "fleet-\(nextName % projectCount)",
                               tags: ["fleet", "tier-\(nextName % 3)"])
        }
        for _ in 0..<droplets {
            let spec = newDroplet()
            world.droplets.append(spec)
            live.append((spec.name, true, spec.size))
        }
        var timeline: [TimelineEvent] = []
        for day in 0..<days {
            let minutes = (0..<churnPerDay).map { _ in Int64(random.next() % 1_440) }.sorted()
            for minute in minutes where !live.isEmpty {
                let at = start + Int64(day) * 86_400 + minute * 60
                let index = Int(random.next() % UInt64(live.count))
                let target = live[index]
                let action: ScenarioAction
                switch random.next() % 4 {
                case 0:
                    let others = sizes.filter { $0 != target.size }
                    let size = others[Int(random.next() % UInt64(others.count))]
                    action = .resizeDroplet(name: target.name, size: size)
                    live[index].size = size
                case 1:
                    action = target.on ? .powerOffDroplet(name: target.name) : .powerOnDroplet(name: target.name)
                    live[index].on.toggle()
                case 2:
                    action = .destroyDroplet(name: target.name)
                    live.remove(at: index)
                default:
                    let spec = newDroplet()
                    action = .createDroplet(spec)
                    live.append((spec.name, true, spec.size))
                }
                timeline.append(TimelineEvent(at: at, action: action))
            }
        }
        let scenario = Scenario(name: "bench-fleet", description: "generated benchmark fleet", seed: seed,
                                clock: ClockRange(start: start, end: start + Int64(days) * 86_400), world: world, timeline: timeline)
        try ScenarioValidator.validate(scenario)
        return scenario
    }
}

/// A small, fast, seedable generator (SplitMix64): the benchmark must be the same fleet every time.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
