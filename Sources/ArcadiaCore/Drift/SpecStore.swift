import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// Desired state: one `cloud_provisioned` row per resource, its spec stored as canonical JSON.
enum SpecStore {
    struct Spec {
        var resourceID: Int64
        var fields: [String: JSONValue]
    }

    /// Records `fields` as the resource's spec. A different spec replaces the old one and bumps the
    /// version; the same spec again (compared as canonical JSON) writes nothing, so provisioning
    /// code may record on every deploy without churning versions. Returns the version in force.
    static func record(_ db: Database, resourceID: Int64, fields: [String: JSONValue], at time: Timestamp) throws -> Int {
        let text = JSONValue.object(fields).canonical
        let row = ProvisionedSpec.filter(ProvisionedSpec.Columns.resourceID == resourceID)
        if let stored = try row.fetchOne(db) {
            guard stored.spec != text else { return stored.specVersion }
            try row.updateAll(db, ProvisionedSpec.Columns.spec.set(to: text), ProvisionedSpec.Columns.specVersion.set(to: stored.specVersion + 1),
                              ProvisionedSpec.Columns.recordedAt.set(to: time))
            return stored.specVersion + 1
        }
        try ProvisionedSpec(resourceID: resourceID, spec: text, specVersion: 1, recordedAt: time).insert(db)
        return 1
    }

    static func fetch(_ db: Database, resourceID: Int64) throws -> Spec? {
        try ProvisionedSpec.filter(ProvisionedSpec.Columns.resourceID == resourceID).fetchOne(db)
            .map { Spec(resourceID: resourceID, fields: $0.fields) }
    }

    /// Every spec with its resource, by resource id: the order the sweep visits them in. A cached
    /// statement: the sweep runs hourly whenever inventory changed, and compiling this join each
    /// time cost a third of a sweep over a thousand specs. The specs drive the join (CROSS JOIN
    /// fixes SQLite's loop order) along their resource-id index: left to itself, SQLite walked
    /// every resource in id order to avoid a sort, a thousand probes for a ledger with no spec.
    static func fetchAllWithResources(_ db: Database) throws -> [(spec: Spec, resource: LiveResource)] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.*, p.spec FROM cloud_provisioned p CROSS JOIN cloud_resources r ON r.id = p.resource_id ORDER BY p.resource_id
            """))
        return try rows.map { row in
            let resource = LiveResource(try CloudResource(row: row))
            let spec: String = try row.decode(forColumn: ProvisionedSpec.Columns.spec)
            return (Spec(resourceID: resource.id, fields: CloudResource.decodeAttributes(spec)), resource)
        }
    }

    static func resourceID(_ db: Database, kind: ResourceKind, providerID: String) throws -> Int64? {
        try Int64.fetchOne(db, CloudResource.select(CloudResource.Columns.id)
            .filter(CloudResource.Columns.kind == kind && CloudResource.Columns.providerID == providerID))
    }
}
