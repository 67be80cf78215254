import DigitalOcean
import GRDB

/// What provisioning asked for, whether or not the inventory has the resource yet.
public enum ProvisionOutcome: Sendable, Equatable {
    /// Recorded at once; the spec version now in force.
    case recorded(version: Int)
    /// The inventory does not have the resource yet: the spec waits for the sync that lists it.
    case pending
}

extension DriftEngine {
    /// Records a resource's desired spec, as provisioning does right after creating it. When the
    /// inventory does not know the resource yet, the spec waits in the ledger (a later request for
    /// the same resource replaces it) and `recordPendingSpecs()` records it after the sync that
    /// lists it.
    public func provision(kind: ResourceKind, providerID: String, spec: [String: JSONValue]) throws -> ProvisionOutcome {
        let now = clock.now()
        return try ledger.writer.write { db in
            try PendingSpec.filter(PendingSpec.Columns.kind == kind && PendingSpec.Columns.providerID == providerID).deleteAll(db)
            if let resourceID = try SpecStore.resourceID(db, kind: kind, providerID: providerID) {
                return .recorded(version: try SpecStore.record(db, resourceID: resourceID, fields: spec, at: now))
            }
            try PendingSpec(kind: kind, providerID: providerID, spec: JSONValue.object(spec).canonical, requestedAt: now).insert(db)
            return .pending
        }
    }

    /// Records every waiting spec whose resource the inventory now has, at the engine clock's now;
    /// returns how many. Called after each sync run, so a spec is recorded by the first run that
    /// inventories its resource.
    @discardableResult
    public func recordPendingSpecs() throws -> Int {
        let now = clock.now()
        return try ledger.writer.write { db in
            var recorded = 0
            // A compiled statement kept on the connection: every sync run that created a resource asks.
            let pendingSpecs = try db.cachedStatement(sql: "SELECT * FROM cloud_pending_specs ORDER BY kind, provider_id")
            for pending in try PendingSpec.fetchAll(pendingSpecs) {
                guard let resourceID = try SpecStore.resourceID(db, kind: pending.kind, providerID: pending.providerID) else { continue }
                _ = try SpecStore.record(db, resourceID: resourceID, fields: CloudResource.decodeAttributes(pending.spec), at: now)
                try pending.delete(db)
                recorded += 1
            }
            return recorded
        }
    }
}
