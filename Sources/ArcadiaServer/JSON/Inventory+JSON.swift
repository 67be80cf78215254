import ArcadiaCore

extension InventoryQuery.Resource {
    var json: JSONValue {
        .object([
            "id": .int(resource.id),
            "kind": .string(resource.kind.rawValue),
            "provider_id": .string(resource.providerID),
            "name": .string(resource.name),
            "status": .string(resource.status),
            "region": .text(resource.region),
            "size_slug": .text(resource.sizeSlug),
            "attributes": attributes,
            "project": .text(project),
            "deployment": .text(deployment),
            "tenant": .text(tenant),
            "first_seen_at": .string(resource.firstSeenAt.iso8601),
            "last_changed_at": .string(resource.lastChangedAt.iso8601),
            "stale_at": .text(resource.staleAt?.iso8601),
        ])
    }
}
