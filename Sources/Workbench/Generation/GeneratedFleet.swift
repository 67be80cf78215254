import MoneyAndTime

/// A fleet of droplets spread over projects, and its lifecycle churn, drawn from one random
/// stream: the whole of `arcadia bench`'s scenario and the infrastructure of every fuzz scenario.
/// The churn keeps track of what is alive, so every generated event is valid when it runs.
struct GeneratedFleet {
    static let sizes = ["s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-2gb", "s-2vcpu-4gb", "s-4vcpu-8gb"]
    static let regions = ["syd1", "sgp1", "nyc3", "fra1", "lon1"]

    /// One kind of lifecycle event. The benchmark draws from the first four only, in this order,
    /// so its fleet is the one it always was.
    enum Churn: CaseIterable {
        case resize, power, destroy, create, snapshot, backups, move
        static let bench: [Churn] = [.resize, .power, .destroy, .create]
    }

    struct Live {
        var name: String
        var on: Bool
        var size: String
        var backups = false
    }

    let projectCount: Int
    private(set) var live: [Live] = []
    private var nextName = 0
    private var nextSnapshot = 0

    init(projectCount: Int) { self.projectCount = projectCount }

    static func projectName(_ index: Int) -> String { "fleet-\(index)" }

    var projects: [ProjectSpec] {
        (0..<projectCount).map { ProjectSpec(name: Self.projectName($0), environment: "Production") }
    }

    /// `count` droplets that exist when the clock starts.
    mutating func populate(_ count: Int, _ random: inout SplitMix64) -> [DropletSpec] {
        (0..<count).map { _ in newDroplet(&random) }
    }

    /// Backups on for the first `count` live droplets at `at`, each on a plan drawn from `random`
    /// (the window is the fake's to draw). No draw at all for 0, so a fleet without backups is
    /// the one it always was.
    mutating func enableBackups(_ count: Int, at: Timestamp, _ random: inout SplitMix64) -> [TimelineEvent] {
        (0..<min(count, live.count)).map { index in
            live[index].backups = true
            return TimelineEvent(at: at, action: .enableBackups(BackupsSpec(droplet: live[index].name, plan: random.pick(BackupPlan.allCases))))
        }
    }

    /// `perDay` events a day at random minutes of each of `days` days from `start`, each of one of
    /// `kinds` on a random live droplet.
    mutating func churn(days: Int, perDay: Int, start: Timestamp, kinds: [Churn], _ random: inout SplitMix64) -> [TimelineEvent] {
        var timeline: [TimelineEvent] = []
        for day in 0..<days {
            let minutes = (0..<perDay).map { _ in Int64(random.below(1_440)) }.sorted()
            for minute in minutes where !live.isEmpty {
                let at = start + Int64(day) * 86_400 + minute * 60
                let index = random.below(live.count)
                timeline.append(TimelineEvent(at: at, action: event(kinds[random.below(kinds.count)], on: index, &random)))
            }
        }
        return timeline
    }

    private mutating func event(_ kind: Churn, on index: Int, _ random: inout SplitMix64) -> ScenarioAction {
        let target = live[index]
        switch kind {
        case .resize:
            let size = random.pick(Self.sizes.filter { $0 != target.size })
            live[index].size = size
            return .resizeDroplet(name: target.name, size: size)
        case .power:
            live[index].on.toggle()
            return target.on ? .powerOffDroplet(name: target.name) : .powerOnDroplet(name: target.name)
        case .destroy:
            live.remove(at: index)
            return .destroyDroplet(name: target.name)
        case .create:
            return .createDroplet(newDroplet(&random))
        case .snapshot:
            defer { nextSnapshot += 1 }
            return .takeSnapshot(SnapshotSpec(name: "snap-\(nextSnapshot)", source: .droplet(target.name)))
        case .backups:
            live[index].backups.toggle()
            return target.backups ? .disableBackups(name: target.name)
                : .enableBackups(BackupsSpec(droplet: target.name, plan: random.pick(BackupPlan.allCases)))
        case .move:
            return .moveToProject(resource: .droplet(target.name), project: Self.projectName(random.below(projectCount)))
        }
    }

    private mutating func newDroplet(_ random: inout SplitMix64) -> DropletSpec {
        defer { nextName += 1 }
        let spec = DropletSpec(name: "node-\(nextName)", size: Self.sizes[random.below(Self.sizes.count)],
                               region: Self.regions[nextName % Self.regions.count], project: Self.projectName(nextName % projectCount),
                               tags: ["fleet", "tier-\(nextName % 3)"])
        live.append(Live(name: spec.name, on: true, size: spec.size))
        return spec
    }
}
