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
        /// A rename, often to a name another droplet had or one differing only in case.
        case rename
        /// A destroy and a new droplet under the same name, at once or later, perhaps elsewhere.
        case reuse
        static let bench: [Churn] = [.resize, .power, .destroy, .create]
    }

    struct Live {
        var name: String
        var on: Bool
        var size: String
        var project: String
        var backups = false
    }

    let projectCount: Int
    private(set) var live: [Live] = []
    /// Names no live droplet has that one had before (destroyed or renamed away), in the order
    /// they were given up: what a rename or a reuse takes again.
    private var former: [String] = []
    /// Creations `reuse` has drawn for a later instant; each joins `live` (and the timeline) once
    /// the churn reaches its instant, and its name is kept from renames until then.
    private var pending: [(event: TimelineEvent, spec: DropletSpec)] = []
    private var nextName = 0
    private var nextSnapshot = 0
    private var nextRename = 0

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
        let end = start + Int64(days) * 86_400
        for day in 0..<days {
            let minutes = (0..<perDay).map { _ in Int64(random.below(1_440)) }.sorted()
            for minute in minutes {
                let at = start + Int64(day) * 86_400 + minute * 60
                timeline += createPending(upTo: at)
                guard !live.isEmpty else { continue }
                let index = random.below(live.count)
                timeline.append(TimelineEvent(at: at, action: event(kinds[random.below(kinds.count)], on: index, at: at, end: end, &random)))
                timeline += createPending(upTo: at)
            }
        }
        return timeline + createPending(upTo: end)
    }

    private mutating func event(_ kind: Churn, on index: Int, at: Timestamp, end: Timestamp, _ random: inout SplitMix64) -> ScenarioAction {
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
            giveUp(target.name)
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
            let project = Self.projectName(random.below(projectCount))
            live[index].project = project
            return .moveToProject(resource: .droplet(target.name), project: project)
        case .rename:
            let name = renameTarget(&random)
            live[index].name = name
            former.removeAll { $0 == name }
            giveUp(target.name)
            return .renameDroplet(name: target.name, to: name)
        case .reuse:
            live.remove(at: index)
            let project = random.chance(50) ? target.project : Self.projectName(random.below(projectCount))
            let spec = DropletSpec(name: target.name, size: random.pick(Self.sizes), region: random.pick(Self.regions), project: project,
                                   tags: ["fleet", "reused"])
            let later = at + Int64(random.below(3)) * Int64(1 + random.below(36)) * 900
            pending.append((TimelineEvent(at: later < end ? later : at, action: .createDroplet(spec)), spec))
            return .destroyDroplet(name: target.name)
        }
    }

    /// A third of the time a name a droplet had before, a third a name differing only in case
    /// from a live or former one (the fake tells names apart by case, a careless ledger might
    /// not), else a fresh one.
    private mutating func renameTarget(_ random: inout SplitMix64) -> String {
        let taken = Set(live.map(\.name) + pending.map { $0.spec.name })
        switch random.below(3) {
        case 0 where !former.isEmpty:
            return random.pick(former)
        case 1:
            let variants = (live.map(\.name) + former).map(Self.otherCase).filter { !taken.contains($0) }
            if !variants.isEmpty { return random.pick(variants) }
        default: break
        }
        defer { nextRename += 1 }
        return "renamed-\(nextRename)"
    }

    /// `name` with its first letter in the other case (`node-3` and `Node-3`).
    private static func otherCase(_ name: String) -> String {
        guard let first = name.first else { return name }
        let flipped = first.isUppercase ? first.lowercased() : first.uppercased()
        return flipped + name.dropFirst()
    }

    private mutating func giveUp(_ name: String) {
        if !former.contains(name) { former.append(name) }
    }

    /// The pending creations due by `at`, now live, as timeline events in the order drawn.
    private mutating func createPending(upTo at: Timestamp) -> [TimelineEvent] {
        let due = pending.filter { $0.event.at <= at }
        pending.removeAll { $0.event.at <= at }
        for creation in due {
            former.removeAll { $0 == creation.spec.name }
            live.append(Live(name: creation.spec.name, on: true, size: creation.spec.size, project: creation.spec.project ?? Self.projectName(0)))
        }
        return due.map { $0.event }
    }

    private mutating func newDroplet(_ random: inout SplitMix64) -> DropletSpec {
        defer { nextName += 1 }
        let spec = DropletSpec(name: "node-\(nextName)", size: Self.sizes[random.below(Self.sizes.count)],
                               region: Self.regions[nextName % Self.regions.count], project: Self.projectName(nextName % projectCount),
                               tags: ["fleet", "tier-\(nextName % 3)"])
        live.append(Live(name: spec.name, on: true, size: spec.size, project: spec.project ?? Self.projectName(0)))
        return spec
    }
}
