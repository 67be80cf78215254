import DigitalOcean

/// Firewalls and load balancers in the ledger's vocabulary. DO's rule lists and id lists are sets,
/// so each is sorted (rules by their canonical JSON): a reordering is never mistaken for a change.
extension Normalize {
    static func firewall(_ firewall: Firewall) -> ObservedResource {
        let inbound = (firewall.inboundRules ?? []).map { rule in
            JSONValue.object(["protocol": .string(rule.protocol), "ports": .string(rule.ports), "sources": target(rule.sources)])
        }
        let outbound = (firewall.outboundRules ?? []).map { rule in
            JSONValue.object(["protocol": .string(rule.protocol), "ports": .string(rule.ports), "destinations": target(rule.destinations)])
        }
        return ObservedResource(kind: .firewall, providerID: firewall.id, name: firewall.name, status: firewall.status, attributes: [
            "droplet_ids": ids(firewall.dropletIDs ?? []),
            "tags": .strings(firewall.tags.sorted()),
            "inbound_rules": sortedSet(inbound),
            "outbound_rules": sortedSet(outbound),
            "created_at": .string(firewall.createdAt),
        ])
    }

    /// The node count (`size_unit`) is what DO bills; the deprecated `size` slug is not kept.
    static func loadBalancer(_ balancer: LoadBalancer) -> ObservedResource {
        let rules = balancer.forwardingRules.map { rule in
            JSONValue.object([
                "entry_protocol": .string(rule.entryProtocol), "entry_port": .int(Int64(rule.entryPort)),
                "target_protocol": .string(rule.targetProtocol), "target_port": .int(Int64(rule.targetPort)),
                "tls_passthrough": .bool(rule.tlsPassthrough ?? false),
            ])
        }
        var attributes: [String: JSONValue] = [
            "size_unit": .int(Int64(balancer.sizeUnit ?? nodes(forDeprecatedSize: balancer.size))),
            "algorithm": balancer.algorithm.map(JSONValue.string) ?? .null,
            "forwarding_rules": sortedSet(rules),
            "droplet_ids": ids(balancer.dropletIDs),
            "ip": .string(balancer.ip),
            "created_at": .string(balancer.createdAt),
        ]
        if let tag = balancer.tag, !tag.isEmpty { attributes["tag"] = .string(tag) }
        return ObservedResource(kind: .loadBalancer, providerID: balancer.id, name: balancer.name, status: balancer.status,
                                region: balancer.region.slug, attributes: attributes)
    }

    /// `lb-small` = 1 node, `lb-medium` = 3, `lb-large` = 6: what an older balancer without
    /// `size_unit` amounts to.
    static func nodes(forDeprecatedSize size: String?) -> Int {
        ["lb-medium": 3, "lb-large": 6][size ?? ""] ?? 1
    }

    private static func target(_ target: FirewallTarget) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        if let addresses = target.addresses, !addresses.isEmpty { fields["addresses"] = .strings(addresses.sorted()) }
        if let tags = target.tags, !tags.isEmpty { fields["tags"] = .strings(tags.sorted()) }
        if let droplets = target.dropletIDs, !droplets.isEmpty { fields["droplet_ids"] = ids(droplets) }
        if let balancers = target.loadBalancerUIDs, !balancers.isEmpty { fields["load_balancer_uids"] = .strings(balancers.sorted()) }
        if let clusters = target.kubernetesIDs, !clusters.isEmpty { fields["kubernetes_ids"] = .strings(clusters.sorted()) }
        return .object(fields)
    }

    /// Droplet ids as sorted strings, as the other kinds keep them.
    private static func ids(_ ids: [Int]) -> JSONValue {
        .strings(ids.sorted().map(String.init))
    }

    private static func sortedSet(_ values: [JSONValue]) -> JSONValue {
        .array(values.map { ($0.canonical, $0) }.sorted { $0.0 < $1.0 }.map(\.1))
    }
}
