import ArcadiaCore

extension InventoryQuery.Resource {
    var json: JSONValue {
        .object([
            "id": .int(id),
            "kind": .string(kind.rawValue),
            "provider_id": .string(providerID),
            "name": .string(name),
            "status": .string(status),
            "region": .text(region),
            "size_slug": .text(sizeSlug),
            "attributes": attributes,
            "project": .text(project),
            "deployment": .text(deployment),
            "tenant": .text(tenant),
            "first_seen_at": .string(firstSeenAt),
            "last_changed_at": .string(lastChangedAt),
            "stale_at": .text(staleAt),
        ])
    }
}
