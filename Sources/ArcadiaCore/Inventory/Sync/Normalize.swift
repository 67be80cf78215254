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

    /// A volume's status says whether it is attached, the state that matters for billing and drift.
    static func volume(_ volume: Volume) -> ObservedResource {
        let attachedTo = (volume.dropletIDs ?? []).sorted().map(String.init)
        return ObservedResource(kind: .volume, providerID: volume.id, name: volume.name,
                                status: attachedTo.isEmpty ? "detached" : "attached", region: volume.region.slug,
                                attributes: [
                                    "size_gigabytes": .int(Int64(volume.sizeGigabytes)),
                                    "droplet_ids": .strings(attachedTo),
                                    "tags": .strings((volume.tags ?? []).sorted()),
                                    "created_at": .string(volume.createdAt),
                                ])
    }

    /// The IP is both the provider id and the name; status says whether it is assigned, the
    /// state DO bills (an unassigned reserved IP costs money).
    static func reservedIP(_ reserved: InventoryReservedIP) -> ObservedResource {
        ObservedResource(kind: .floatingIP, providerID: reserved.ip, name: reserved.ip,
                         status: reserved.droplet == nil ? "unassigned" : "assigned", region: reserved.region.slug,
                         attributes: ["droplet_id": reserved.droplet.map { .string(String($0.id)) } ?? .null])
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
