import ArcadiaCore
import GRDB
import DigitalOcean
import FakeDigitalOcean

/// Plays the drift side of a scenario through the real `DriftEngine`: specs from `provision` and
/// `provisioned: true`, `accept_drift` through the inbox, and the `drift.sweep` job.
///
/// A spec needs its resource's inventory row, which exists only once a sync has listed the
/// droplet. A spec for a droplet not yet inventoried waits here and is recorded right after the
/// first sync run that lists it (its `recorded_at` is then that sync's time).
struct DriftDriver {
    let engine: DriftEngine
    let rules: [IgnoreRule]
    /// Specs waiting for their droplet's first listing, by provider id (a later spec replaces an earlier one).
    private var pending: [(providerID: String, spec: [String: JSONValue])] = []
    /// The ledger as the last sweep left it, when nothing since could change what a sweep writes.
    private var settledAt: SweepInputs?

    init(_ scenario: Scenario, ledger: Ledger, clock: EngineClock, fake: FakeDigitalOcean) throws(SimulationError) {
        engine = DriftEngine(ledger: ledger, clock: clock)
        rules = scenario.driftIgnore.map(\.rule)
        for droplet in scenario.world.droplets where droplet.provisioned {
            try provision(droplet.name, Self.provisionedSpec(droplet), fake: fake, location: droplet.location)
        }
    }

    /// What `provisioned: true` records: the droplet's size, region and tags as created.
    static func provisionedSpec(_ droplet: DropletSpec) -> [String: JSONValue] {
        ["size_slug": .string(droplet.size), "region": .string(droplet.region), "tags": .strings(droplet.tags)]
    }

    /// Call after `WorldBuilder.apply`, so a just-created droplet already has its provider id.
    mutating func apply(_ event: TimelineEvent, fake: FakeDigitalOcean) throws(SimulationError) {
        switch event.action {
        case .createDroplet(let droplet) where droplet.provisioned:
            try provision(droplet.name, Self.provisionedSpec(droplet), fake: fake, location: event.location)
        case .provision(let name, let spec):
            try provision(name, spec, fake: fake, location: event.location)
        case .acceptDrift(let name, let field):
            try attempt(event.location, "accept_drift") {
                _ = try engine.accept(kind: .droplet, providerID: String(try fake.dropletID(name: name)), field: field)
            }
        default:
            break
        }
    }

    /// Records waiting specs whose droplets the inventory now has; call after every sync run.
    mutating func recordPending() throws(SimulationError) {
        guard !pending.isEmpty else { return }
        var waiting: [(providerID: String, spec: [String: JSONValue])] = []
        for item in pending {
            try attempt(nil, "recording the spec of droplet \(item.providerID)") {
                if try engine.isInventoried(kind: .droplet, providerID: item.providerID) {
                    _ = try engine.recordSpec(kind: .droplet, providerID: item.providerID, spec: item.spec)
                } else {
                    waiting.append(item)
                }
            }
        }
        pending = waiting
    }

    /// Fires `drift.sweep`. With `elide`, a sweep is skipped when the ledger has not changed since
    /// the last one and no ignore rule has expired since: the sweep reads nothing else, and on the
    /// ledger it left behind it writes nothing, so skipping it is unobservable.
    mutating func sweep(at time: Timestamp, elide: Bool, summary: inout RunSummary) throws(SimulationError) {
        try recordPending()
        let inputs = try self.inputs(at: time)
        if elide, settledAt == inputs {
            summary.driftSweepsElided += 1
            return
        }
        try attempt(nil, "drift.sweep at \(time)") { _ = try engine.sweep(rules: rules) }
        summary.driftSweeps += 1
        settledAt = try self.inputs(at: time)
    }

    func counts() throws(SimulationError) -> DriftCounts {
        var counts = DriftCounts()
        try attempt(nil, "counting drift") { counts = try engine.counts() }
        return counts
    }

    private mutating func provision(_ name: String, _ spec: [String: JSONValue], fake: FakeDigitalOcean,
                                    location: ScenarioLocation?) throws(SimulationError) {
        var providerID = ""
        try attempt(location, "provision \(name)") { providerID = String(try fake.dropletID(name: name)) }
        pending.removeAll { $0.providerID == providerID }
        pending.append((providerID, spec))
        try recordPending()
    }

    /// Everything a sweep's result depends on: the tables it reads and which ignore rules have
    /// expired. Not the whole ledger's change count: the hourly balance snapshot changes the
    /// ledger every hour without touching anything a sweep reads. Every change to a resource's
    /// observed state logs an event; every recorded spec bumps a version; drift rows are only
    /// ever added or closed — so these counters move exactly when the sweep's input does.
    private func inputs(at time: Timestamp) throws(SimulationError) -> SweepInputs {
        var fingerprint: [Int] = []
        try attempt(nil, "reading the ledger") {
            fingerprint = try engine.ledger.writer.read { db in
                let row = try Row.fetchOne(db, sql: """
                    SELECT (SELECT COALESCE(MAX(id), 0) FROM cloud_resource_events),
                           (SELECT COUNT(*) FROM cloud_provisioned), (SELECT COALESCE(SUM(spec_version), 0) FROM cloud_provisioned),
                           (SELECT COUNT(*) FROM cloud_drift), (SELECT COUNT(closed_at) FROM cloud_drift)
                    """)!
                return (0..<5).map { row[$0] }
            }
        }
        return SweepInputs(ledger: fingerprint, expiredRules: rules.filter { $0.isExpired(at: time) }.count)
    }

    private func attempt(_ location: ScenarioLocation?, _ what: String, _ body: () throws -> Void) throws(SimulationError) {
        do {
            try body()
        } catch {
            throw SimulationError(location: location, message: "\(what): \(error)")
        }
    }
}

private struct SweepInputs: Equatable {
    var ledger: [Int]
    var expiredRules: Int
}
