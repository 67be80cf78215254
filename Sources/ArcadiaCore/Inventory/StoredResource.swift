import Foundation
import GRDB

/// A `cloud_resources` row as the chokepoint needs it to decide what changed.
struct StoredResource {
    var id: Int64
    var providerID: String
    var name: String
    var status: String
    var region: String?
    var sizeSlug: String?
    var attributesText: String
    var missedListings: Int
    var staleAt: String?

    struct FieldChange: Equatable {
        var field: String
        var old: String?
        var new: String?
    }

    static func fetchAll(_ db: Database, kind: ResourceKind) throws -> [String: StoredResource] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, provider_id, name, status, region, size_slug, attributes, missed_listings, stale_at
            FROM cloud_resources WHERE kind = ?
            """, arguments: [kind.rawValue])
        var byProviderID: [String: StoredResource] = [:]
        while let row = try rows.next() {
            let resource = StoredResource(id: row[0], providerID: row[1], name: row[2], status: row[3], region: row[4],
                                          sizeSlug: row[5], attributesText: row[6], missedListings: row[7], staleAt: row[8])
            byProviderID[resource.providerID] = resource
        }
        return byProviderID
    }

    /// The fields that differ, top-level fields first, then attributes by key. Attributes are
    /// compared as canonical text first, so the common unchanged case parses nothing.
    func changes(to observed: ObservedResource, attributesText observedText: String) -> [FieldChange] {
        var changes: [FieldChange] = []
        if name != observed.name { changes.append(FieldChange(field: "name", old: name, new: observed.name)) }
        if status != observed.status { changes.append(FieldChange(field: "status", old: status, new: observed.status)) }
        if region != observed.region { changes.append(FieldChange(field: "region", old: region, new: observed.region)) }
        if sizeSlug != observed.sizeSlug { changes.append(FieldChange(field: "size_slug", old: sizeSlug, new: observed.sizeSlug)) }
        if attributesText != observedText {
            let old = Self.decodeAttributes(attributesText)
            for key in Set(old.keys).union(observed.attributes.keys).sorted() where old[key] != observed.attributes[key] {
                changes.append(FieldChange(field: key, old: old[key]?.display, new: observed.attributes[key]?.display))
            }
        }
        return changes
    }

    static func decodeAttributes(_ text: String) -> [String: JSONValue] {
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return [:] }
        return fields
    }
}
