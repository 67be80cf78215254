import DigitalOcean
import Foundation
import GRDB

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
        if let row = try Row.fetchOne(db, sql: "SELECT spec, spec_version FROM cloud_provisioned WHERE resource_id = ?",
                                      arguments: [resourceID]) {
            let version: Int = row[1]
            guard row[0] as String != text else { return version }
            try db.execute(sql: "UPDATE cloud_provisioned SET spec = ?, spec_version = ?, recorded_at = ? WHERE resource_id = ?",
                           arguments: [text, version + 1, time.iso8601, resourceID])
            return version + 1
        }
        try db.execute(sql: "INSERT INTO cloud_provisioned (resource_id, spec, spec_version, recorded_at) VALUES (?, ?, 1, ?)",
                       arguments: [resourceID, text, time.iso8601])
        return 1
    }

    static func fetch(_ db: Database, resourceID: Int64) throws -> Spec? {
        try String.fetchOne(db, sql: "SELECT spec FROM cloud_provisioned WHERE resource_id = ?", arguments: [resourceID])
            .map { Spec(resourceID: resourceID, fields: StoredResource.decodeAttributes($0)) }
    }

    /// Every spec with its resource, by resource id: the order the sweep visits them in.
    static func fetchAllWithResources(_ db: Database) throws -> [(spec: Spec, resource: LiveResource)] {
        try Row.fetchAll(db, sql: """
            SELECT p.spec, \(LiveResource.columns)
            FROM cloud_provisioned p JOIN cloud_resources r ON r.id = p.resource_id ORDER BY r.id
            """).map { row in
            let resource = LiveResource(row: row, offset: 1)
            return (Spec(resourceID: resource.id, fields: StoredResource.decodeAttributes(row[0])), resource)
        }
    }

    static func resourceID(_ db: Database, kind: ResourceKind, providerID: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM cloud_resources WHERE kind = ? AND provider_id = ?",
                           arguments: [kind.rawValue, providerID])
    }
}
