import MoneyAndTime

/// One thing that exists in the fake now, keyed as DO's project URNs key it (`do:<type>:<id>`,
/// `do:domain:example.com`). DO gives firewalls, droplet backups and projects no URN; they are
/// keyed `do:firewall:<id>`, `do:backup:<id>` and `do:project:<id>`.
public struct LiveResource: Sendable, Equatable {
    public var type: String
    public var id: String
    /// When it was created, where a name can be taken again (a domain, a Spaces bucket): something
    /// created after an instant is not the one a ledger row from that instant speaks of.
    public var createdAt: Timestamp?
}

extension FakeWorld {
    var liveResources: [LiveResource] {
        var live: [LiveResource] = []
        for id in dropletOrder {
            guard let droplet = droplets[id] else { continue }
            live.append(LiveResource(type: "droplet", id: String(id), createdAt: droplet.createdAt))
            live += droplet.backups.map { LiveResource(type: "backup", id: String($0.id), createdAt: $0.createdAt) }
        }
        live += domains.values.sorted { $0.name < $1.name }.map { LiveResource(type: "domain", id: $0.name, createdAt: $0.createdAt) }
        live += volumes.map { LiveResource(type: "volume", id: $0.id, createdAt: $0.createdAt) }
        live += snapshots.map { LiveResource(type: $0.resourceType == "droplet" ? "image" : "volumesnapshot", id: $0.id, createdAt: $0.createdAt) }
        live += reservedIPs.map { LiveResource(type: "floatingip", id: $0.ip) }
        live += firewalls.map { LiveResource(type: "firewall", id: $0.id, createdAt: $0.createdAt) }
        live += loadBalancers.map { LiveResource(type: "loadbalancer", id: $0.id, createdAt: $0.createdAt) }
        live += projectOnlyResources.map { LiveResource(type: $0.kind.rawValue, id: $0.id, createdAt: $0.createdAt) }
        live += projects.map { LiveResource(type: "project", id: $0.id, createdAt: $0.createdAt) }
        return live
    }
}
