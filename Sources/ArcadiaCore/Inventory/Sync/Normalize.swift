import DigitalOcean

/// DO's JSON objects turned into the ledger's vocabulary. Lists that are sets on DO's side (tags,
/// features) are sorted here, so a reordering is never mistaken for a change.
enum Normalize {
    static func droplet(_ droplet: InventoryDroplet) -> ObservedResource {
        var attributes: [String: JSONValue] = [
            "memory": .int(Int64(droplet.memory)),
            "vcpus": .int(Int64(droplet.vcpus)),
            "disk": .int(Int64(droplet.disk)),
            "tags": .strings(droplet.tags.sorted()),
            "features": .strings(droplet.features.sorted()),
            "created_at": .string(droplet.createdAt),
            "locked": .bool(droplet.locked),
        ]
        if let slug = droplet.image.slug { attributes["image"] = .string(slug) }
        if let ip = droplet.networks.v4.first(where: { $0.type == "public" })?.ipAddress {
            attributes["public_ipv4"] = .string(ip)
        }
        return ObservedResource(kind: .droplet, providerID: String(droplet.id), name: droplet.name, status: droplet.status,
                                region: droplet.region.slug ?? "", sizeSlug: droplet.sizeSlug, attributes: attributes)
    }

    static func domain(_ domain: Domain) -> ObservedResource {
        var attributes: [String: JSONValue] = [:]
        if let ttl = domain.ttl { attributes["ttl"] = .int(Int64(ttl)) }
        return ObservedResource(kind: .dnsZone, providerID: domain.name, name: domain.name, status: "active", attributes: attributes)
    }

    static func project(_ project: Project) -> ObservedProject {
        ObservedProject(providerID: project.id, name: project.name, description: project.description,
                        environment: project.environment, isDefault: project.isDefault)
    }
}
