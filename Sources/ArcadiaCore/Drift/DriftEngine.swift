import DigitalOcean
import GRDB
import MoneyAndTime

/// Drift between what was provisioned and what runs: the public face of the drift tables. It
/// records specs, runs the sweep, and is the operator inbox's accept/revert. The workbench and
/// the service call the same methods, so a scenario's `accept_drift` is the production path.
public struct DriftEngine: Sendable {
    public var ledger: Ledger
    public var clock: EngineClock

    public init(ledger: Ledger, clock: EngineClock) {
        self.ledger = ledger
        self.clock = clock
    }

    /// Records the desired state of an inventoried resource (what provisioning asked for) and
    /// returns the spec version now in force: 1 for a first spec, +1 for each different one, the
    /// same version when the spec is unchanged.
    public func recordSpec(kind: ResourceKind, providerID: String, spec: [String: JSONValue]) throws -> Int {
        let now = clock.now()
        return try ledger.writer.write { db in
            guard let resourceID = try SpecStore.resourceID(db, kind: kind, providerID: providerID) else {
                throw DriftError.unknownResource(kind: kind, providerID: providerID)
            }
            return try SpecStore.record(db, resourceID: resourceID, fields: spec, at: now)
        }
    }

    /// The hourly sweep (`drift.sweep`). `rules` are the ignore rules in force; their expiry is
    /// judged at the engine clock's now.
    public func sweep(rules: [IgnoreRule] = []) throws -> DriftSweepReport {
        let now = clock.now()
        return try ledger.writer.write { db in try DriftSweep.run(db, rules: rules, at: now) }
    }

    /// Accepts the open drift on a resource's field: the live value it recorded becomes the desired
    /// one (a field absent live is removed from the spec), the spec version is bumped, and the
    /// drift closes `accepted`. Returns the drift's id.
    @discardableResult
    public func accept(kind: ResourceKind, providerID: String, field: String) throws -> Int64 {
        try closeOpen(kind: kind, providerID: providerID, field: field, as: .accepted)
    }

    /// Accepts one drift by id (the inbox). A drift that is not open is refused with `notOpen`.
    public func accept(driftID: Int64) throws {
        try close(driftID: driftID, as: .accepted)
    }

    /// Records that someone put the live resource back. Nothing is changed live or in the spec;
    /// the next sweep checks whether it is true.
    public func revert(driftID: Int64) throws {
        try close(driftID: driftID, as: .reverted)
    }

    /// Findings per status, for summaries.
    public func counts() throws -> DriftCounts {
        try ledger.read { try DriftCounts.fetch($0) }
    }

    private func closeOpen(kind: ResourceKind, providerID: String, field: String, as status: DriftStatus) throws -> Int64 {
        let now = clock.now()
        return try ledger.writer.write { db in
            guard let resourceID = try SpecStore.resourceID(db, kind: kind, providerID: providerID) else {
                throw DriftError.unknownResource(kind: kind, providerID: providerID)
            }
            let latest = try DriftFinding.fetchLatest(db, resourceID: resourceID, field: field)
            guard let latest, latest.status == .open else {
                throw DriftError.noOpenDrift(kind: kind, providerID: providerID, field: field, latest: latest?.status)
            }
            try Self.apply(db, latest, as: status, at: now)
            return latest.id
        }
    }

    private func close(driftID: Int64, as status: DriftStatus) throws {
        let now = clock.now()
        try ledger.writer.write { db in
            guard let finding = try DriftFinding.fetchOne(db, key: driftID) else { throw DriftError.unknownDrift(id: driftID) }
            guard finding.status == .open else {
                throw DriftError.notOpen(id: driftID, field: finding.field, status: finding.status)
            }
            try Self.apply(db, finding, as: status, at: now)
        }
    }

    private static func apply(_ db: Database, _ finding: DriftFinding, as status: DriftStatus, at now: Timestamp) throws {
        if status == .accepted, var spec = try SpecStore.fetch(db, resourceID: finding.resourceID) {
            spec.fields[finding.field] = finding.live.map(JSONValue.init(storedText:))
            _ = try SpecStore.record(db, resourceID: finding.resourceID, fields: spec.fields, at: now)
        }
        try finding.close(db, as: status, note: nil, at: now)
    }
}
