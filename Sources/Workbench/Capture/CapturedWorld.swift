import ArcadiaCore
import DigitalOcean
import MoneyAndTime

/// The world and the world events a capture rebuilds from resource events: a resource first seen
/// by the clock's start is a world resource in the state it had then; one first seen later is
/// created at that instant; each observed change (power, size, name, project) is an event at the
/// instant it was observed; one that went stale is destroyed at the instant its usage ended (its
/// first missed or failed listing, `missing_since`). Each of those instants is also noted with the
/// job whose sync observed it, so a replay can sync there when the table would not (`syncs`).
struct CapturedWorld {
    let clock: ClockRange
    var spec = WorldSpec()
    var timeline: [TimelineEvent] = []
    /// The syncs the rebuilt events need: each instant with the job that observed it there.
    var syncs: Set<ObservedSync> = []
    /// Each rebuilt droplet's names by provider id, from the instant it bore each (a backup is
    /// taken of its droplet by the name it had then).
    var dropletNames: [String: [(at: Timestamp, name: String)]] = [:]
    /// The stand-in volume of each region a volume snapshot is taken of, with the size it needs.
    var volumeStandIns: [String: Int] = [:]

    struct ObservedSync: Hashable {
        var at: Timestamp
        var job: JobID
    }

    init(clock: ClockRange) {
        self.clock = clock
    }

    /// What a rebuilt resource is at an instant.
    struct State: Equatable {
        var name: String
        var status: String
        var size: String?
        var project: String?
    }

    /// Projects are created in the world as they are first named; `Default` is the account's default.
    mutating func noteProject(_ name: String?) {
        guard let name, !spec.projects.contains(where: { $0.name == name }) else { return }
        spec.projects.append(ProjectSpec(name: name, isDefault: name == impliedDefaultProject))
    }

    mutating func add(_ resource: CloudResource, project: String?, events: [ResourceEvent]) throws {
        if let revived = events.first(where: { $0.event == .revived }) {
            throw ScenarioCapture.Refusal(description: "\(resource.kind) \(resource.name) came back after going stale (\(revived.at)); "
                                              + "a capture cannot replay a resource that vanished and returned")
        }
        switch resource.kind {
        case .droplet, .dnsZone: try addDropletOrZone(resource, project: project, events: events)
        case .snapshot, .dropletBackup: try addImage(resource, project: project, events: events)
        default:
            throw ScenarioCapture.Refusal(description: "\(resource.kind) \(resource.name) has usage this month; a capture rebuilds droplets, "
                                              + "DNS zones, snapshots and backups only, so this month cannot be captured\(Self.whyNot(resource))")
        }
    }

    private mutating func addDropletOrZone(_ resource: CloudResource, project: String?, events: [ResourceEvent]) throws {
        var state = Self.initialState(resource, project: project, events: events)
        let firstSeen = events.first { $0.event == .created }?.at ?? resource.firstSeenAt
        var created = false
        if firstSeen <= clock.start {
            for event in events where event.at <= clock.start { Self.apply(event, to: &state) }
            created = true
            guard events.first(where: { $0.event == .stale })?.at ?? clock.end > clock.start else { return }
            try addToWorld(resource, state)
        }
        // By when it was observed, not recorded: a listing outage over the month end marks a
        // droplet destroyed on the 30th stale on the 1st, hours after the capture's clock ends.
        for event in events where event.at > clock.start && Self.observedAt(event) < clock.end {
            let observed = Self.observedAt(event)
            if observed >= clock.start {
                syncs.insert(ObservedSync(at: observed, job: event.event == .attributed ? .syncProjects : Self.syncJob(resource.kind)))
            }
            if event.event == .created, !created {
                try addToTimeline(at: event.at, creating: resource, state)
                created = true
                continue
            }
            let before = state
            Self.apply(event, to: &state)
            try changes(resource, from: before, to: state, at: observed, stale: event.event == .stale)
        }
    }

    /// Why a metered kind cannot be rebuilt (`docs/discrepancies.md`).
    static func whyNot(_ resource: CloudResource) -> String {
        guard resource.kind == .spacesBucket else { return "" }
        let size = resource.attributes["size_gigabytes"].map { "\($0.display) GB" } ?? "no size"
        return ": the ledger bills it on its size_gigabytes (here \(size)), but the inventory learns a bucket only from its "
            + "project's resources, which carry no size, so a replay would observe the bucket and no size, and bill nothing"
    }

    /// When the event's change was first observed: its own instant, but for a stale event the
    /// listing that first missed the resource (or failed), where metering ends its usage.
    static func observedAt(_ event: ResourceEvent) -> Timestamp {
        guard event.event == .stale, event.field == ResourceEvent.missingSinceField,
              let since = event.newValue.flatMap({ Timestamp(iso8601: $0) }) else { return event.at }
        return since
    }

    /// The inventory worker that lists a kind.
    static func syncJob(_ kind: ResourceKind) -> JobID {
        switch kind {
        case .droplet: .syncDroplets
        case .snapshot: .syncSnapshots
        case .dropletBackup: .syncBackups
        default: .syncDomains
        }
    }

    /// The state at the resource's first sighting: each field as its earliest change found it,
    /// else as the inventory holds it now. Its project is the first attribution's when the projects
    /// sync made it at that same instant (the table runs both at the quarter-hour); one made later
    /// (a service's catch-up after a restart ran the projects sync hours after the droplets) left
    /// it in no project until then, and is replayed as a move at that instant.
    static func initialState(_ resource: CloudResource, project: String?, events: [ResourceEvent]) -> State {
        func first(_ field: String, _ now: String?) -> String? {
            events.first { $0.event == .changed && $0.field == field }.map { $0.oldValue } ?? now
        }
        let firstSeen = events.first { $0.event == .created }?.at ?? resource.firstSeenAt
        let attributed = events.first { $0.event == .attributed && $0.field == "project" }
        return State(name: first("name", resource.name) ?? resource.name, status: first("status", resource.status) ?? resource.status,
                     size: first("size_slug", resource.sizeSlug),
                     project: attributed.map { $0.at <= firstSeen ? $0.newValue : $0.oldValue } ?? project)
    }

    static func apply(_ event: ResourceEvent, to state: inout State) {
        switch (event.event, event.field) {
        case (.changed, "name"?): state.name = event.newValue ?? state.name
        case (.changed, "status"?): state.status = event.newValue ?? state.status
        case (.changed, "size_slug"?): state.size = event.newValue
        case (.attributed, "project"?): state.project = event.newValue
        default: break
        }
    }

    private mutating func addToWorld(_ resource: CloudResource, _ state: State) throws {
        noteProject(state.project)
        switch resource.kind {
        case .droplet:
            let createdAt = resource.attributes["created_at"].flatMap { value -> Timestamp? in
                guard case .string(let text) = value else { return nil }
                return Timestamp(iso8601: text)
            }.flatMap { $0 <= clock.start ? $0 : nil }
            dropletNames[resource.providerID, default: []].append((clock.start, state.name))
            spec.droplets.append(DropletSpec(name: state.name, size: try size(resource, state), region: resource.region ?? "",
                                             project: state.project, status: try power(resource, state), createdAt: createdAt))
        default:
            spec.domains.append(DomainSpec(name: state.name, project: state.project, ttl: ttl(resource)))
        }
    }

    private mutating func addToTimeline(at: Timestamp, creating resource: CloudResource, _ state: State) throws {
        noteProject(state.project)
        switch resource.kind {
        case .droplet:
            dropletNames[resource.providerID, default: []].append((at, state.name))
            timeline.append(TimelineEvent(at: at, action: .createDroplet(DropletSpec(
                name: state.name, size: try size(resource, state), region: resource.region ?? "", project: state.project,
                status: try power(resource, state)))))
        default:
            timeline.append(TimelineEvent(at: at, action: .createDomain(DomainSpec(name: state.name, project: state.project, ttl: ttl(resource)))))
        }
    }

    /// The world events that turn `before` into `after`, observed at `at`.
    private mutating func changes(_ resource: CloudResource, from before: State, to after: State, at: Timestamp, stale: Bool) throws {
        let isDroplet = resource.kind == .droplet
        if stale {
            timeline.append(TimelineEvent(at: max(at, clock.start), action: isDroplet ? .destroyDroplet(name: before.name) : .deleteDomain(name: before.name)))
            return
        }
        if before.name != after.name, isDroplet {
            dropletNames[resource.providerID, default: []].append((at, after.name))
            timeline.append(TimelineEvent(at: at, action: .renameDroplet(name: before.name, to: after.name)))
        }
        if before.status != after.status, isDroplet {
            timeline.append(TimelineEvent(at: at, action: try power(resource, after) == .off ? .powerOffDroplet(name: after.name)
                                                                                              : .powerOnDroplet(name: after.name)))
        }
        if before.size != after.size, isDroplet, let size = after.size {
            timeline.append(TimelineEvent(at: at, action: .resizeDroplet(name: after.name, size: size)))
        }
        if before.project != after.project, let project = after.project {
            noteProject(project)
            timeline.append(TimelineEvent(at: at, action: .moveToProject(resource: isDroplet ? .droplet(after.name) : .domain(after.name),
                                                                         project: project)))
        }
    }

    private func size(_ resource: CloudResource, _ state: State) throws -> String {
        guard let size = state.size else {
            throw ScenarioCapture.Refusal(description: "droplet \(resource.name) has no size in the inventory")
        }
        return size
    }

    private func power(_ resource: CloudResource, _ state: State) throws -> PowerState {
        guard let power = PowerState(rawValue: state.status) else {
            throw ScenarioCapture.Refusal(description: "droplet \(resource.name) is '\(state.status)'; a capture replays active and off only")
        }
        return power
    }

    private func ttl(_ resource: CloudResource) -> Int {
        if case .int(let ttl)? = resource.attributes["ttl"] { return Int(ttl) }
        return 1_800
    }
}
