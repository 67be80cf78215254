import GRDB

/// A resource as the drift sweep reads it from the inventory: the live side of every comparison.
struct LiveResource {
    var id: Int64
    var kind: ResourceKind
    var providerID: String
    var name: String
    var status: String
    var region: String?
    var sizeSlug: String?
    var attributes: [String: JSONValue]
    var staleAt: String?

    /// The columns every kind has; any other spec field is looked up in the attributes.
    static let topLevelFields: Set<String> = ["name", "status", "region", "size_slug"]

    static let columns = "r.id, r.kind, r.provider_id, r.name, r.status, r.region, r.size_slug, r.attributes, r.stale_at"

    init(row: Row, offset: Int = 0) {
        id = row[offset]
        kind = ResourceKind(rawValue: row[offset + 1])
        providerID = row[offset + 2]
        name = row[offset + 3]
        status = row[offset + 4]
        region = row[offset + 5]
        sizeSlug = row[offset + 6]
        attributes = StoredResource.decodeAttributes(row[offset + 7])
        staleAt = row[offset + 8]
    }

    /// The live value of a spec field: the top-level column if it is one (NULL is absent), else
    /// the attribute of that name (nil when the resource has none).
    func value(of field: String) -> JSONValue? {
        switch field {
        case "name": return .string(name)
        case "status": return .string(status)
        case "region": return region.map(JSONValue.string)
        case "size_slug": return sizeSlug.map(JSONValue.string)
        default: return attributes[field]
        }
    }

    /// The resource's tags (the `tags` attribute's strings), for ignore-rule selectors.
    var tags: [String] {
        guard case .array(let items)? = attributes["tags"] else { return [] }
        return items.compactMap { if case .string(let tag) = $0 { tag } else { nil } }
    }
}
