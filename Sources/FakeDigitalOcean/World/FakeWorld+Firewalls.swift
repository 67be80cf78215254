import DigitalOcean

/// Cloud firewalls: named (DO's pattern), applied to droplets and tags, with inbound and outbound
/// rules. An update replaces what it names, as DO's PUT replaces the whole firewall.
extension FakeWorld {
    mutating func createFirewall(name: String, droplets: [String], tags: [String], inbound: [FirewallInboundRule],
                                 outbound: [FirewallOutboundRule]) throws(FakeWorldError) {
        try Self.checkFirewallName(name)
        guard firewalls.allSatisfy({ $0.name != name }) else { throw .duplicate(.firewall, name) }
        let dropletIDs = try dropletIDs(droplets)
        try Self.checkRules(inbound.map { ($0.protocol, $0.ports) } + outbound.map { ($0.protocol, $0.ports) })
        bumpRevision()
        firewalls.append(FakeFirewall(id: rng.uuid(), name: name, createdAt: now, dropletIDs: dropletIDs, tags: Self.unique(tags),
                                      inbound: inbound, outbound: outbound))
    }

    /// nil leaves that part of the firewall as it is.
    mutating func updateFirewall(name: String, droplets: [String]?, tags: [String]?, inbound: [FirewallInboundRule]?,
                                 outbound: [FirewallOutboundRule]?) throws(FakeWorldError) {
        let index = try firewallIndex(name)
        var firewall = firewalls[index]
        if let droplets { firewall.dropletIDs = try dropletIDs(droplets) }
        if let tags { firewall.tags = Self.unique(tags) }
        if let inbound { firewall.inbound = inbound }
        if let outbound { firewall.outbound = outbound }
        try Self.checkRules(firewall.inbound.map { ($0.protocol, $0.ports) } + firewall.outbound.map { ($0.protocol, $0.ports) })
        bumpRevision()
        firewalls[index] = firewall
    }

    mutating func deleteFirewall(name: String) throws(FakeWorldError) {
        let index = try firewallIndex(name)
        bumpRevision()
        firewalls.remove(at: index)
    }

    /// A destroyed droplet leaves every firewall's and load balancer's `droplet_ids`, as on DO.
    mutating func removeFromFirewallsAndLoadBalancers(dropletID id: Int) {
        for index in firewalls.indices {
            firewalls[index].dropletIDs.removeAll { $0 == id }
        }
        for index in loadBalancers.indices {
            loadBalancers[index].dropletIDs.removeAll { $0 == id }
        }
    }

    /// Live droplets' ids by name, in the order given, each once.
    func dropletIDs(_ names: [String]) throws(FakeWorldError) -> [Int] {
        var ids: [Int] = []
        for name in Self.unique(names) {
            ids.append(try droplet(named: name, field: "droplets").id)
        }
        return ids
    }

    private func firewallIndex(_ name: String) throws(FakeWorldError) -> Int {
        guard let index = firewalls.firstIndex(where: { $0.name == name }) else { throw .unknown(.firewall, name) }
        return index
    }

    /// DO's name pattern `^[a-zA-Z0-9][a-zA-Z0-9\.-]+$`.
    private static func checkFirewallName(_ name: String) throws(FakeWorldError) {
        let allowed = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= 2, allowed(scalars[0]), scalars.dropFirst().allSatisfy({ allowed($0) || $0 == "." || $0 == "-" }) else {
            throw .invalidArgument("'\(name)' is not a firewall name: letters, digits, '.' and '-', starting with a letter or digit")
        }
    }

    /// `protocol` tcp, udp or icmp; `ports` `0` (all), a port, or `low-high`; icmp takes no ports.
    private static func checkRules(_ rules: [(protocol: String, ports: String)]) throws(FakeWorldError) {
        for rule in rules {
            guard ["tcp", "udp", "icmp"].contains(rule.protocol) else {
                throw .invalidArgument("firewall rule protocol must be tcp, udp or icmp, got '\(rule.protocol)'")
            }
            if rule.protocol == "icmp" {
                guard rule.ports == "0" else { throw .invalidArgument("an icmp rule has no ports (\"0\"), got '\(rule.ports)'") }
                continue
            }
            let bounds = rule.ports.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0.map { (0...65_535).contains($0) } ?? false }),
                  bounds.count == 1 || bounds[0]! < bounds[1]! else {
                throw .invalidArgument("firewall rule ports must be 0 (all), a port or low-high, got '\(rule.ports)'")
            }
        }
    }
}
