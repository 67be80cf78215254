/// A resource as the drift sweep reads it: its inventory row with the attributes decoded once,
/// the live side of every comparison.
struct LiveResource {
    var row: CloudResource
    var attributes: [String: JSONValue]

    init(_ row: CloudResource) {
        self.row = row
        attributes = row.attributes
    }

    var id: Int64 { row.id }
    var kind: ResourceKind { row.kind }
    var name: String { row.name }

    /// The live value of a spec field: the top-level column if it is one (NULL is absent), else
    /// the attribute of that name (nil when the resource has none).
    func value(of field: String) -> JSONValue? {
        switch field {
        case "name": return .string(row.name)
        case "status": return .string(row.status)
        case "region": return row.region.map(JSONValue.string)
        case "size_slug": return row.sizeSlug.map(JSONValue.string)
        default: return attributes[field]
        }
    }

    /// The resource's tags (the `tags` attribute's strings), for ignore-rule selectors.
    var tags: [String] {
        guard case .array(let items)? = attributes["tags"] else { return [] }
        return items.compactMap { if case .string(let tag) = $0 { tag } else { nil } }
    }
}
