/// Firewalls and load balancers in `world:` and their timeline actions.
extension YAMLNodeReader {
    func firewall(_ field: YAMLField) throws(ScenarioError) -> FirewallSpec {
        let map = try mapping(field, allowed: ["name", "droplets", "tags", "inbound", "outbound"])
        return FirewallSpec(
            name: try nonEmptyString(map.required("name")),
            droplets: try map.optional("droplets").map(nonEmptyStrings) ?? [],
            tags: try map.optional("tags").map(nonEmptyStrings) ?? [],
            inbound: try map.optional("inbound").map(firewallRules) ?? [],
            outbound: try map.optional("outbound").map(firewallRules) ?? [],
            location: map.location)
    }

    func updateFirewall(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "droplets", "tags", "inbound", "outbound"])
        guard map.entries.count > 1 else { throw error(body, "changes nothing: give droplets, tags, inbound or outbound") }
        return .updateFirewall(FirewallUpdateSpec(
            name: try nonEmptyString(map.required("name")),
            droplets: try map.optional("droplets").map(nonEmptyStrings),
            tags: try map.optional("tags").map(nonEmptyStrings),
            inbound: try map.optional("inbound").map(firewallRules),
            outbound: try map.optional("outbound").map(firewallRules)))
    }

    /// `{protocol, ports?, addresses?, tags?}`: the addresses and tags are the sources of an
    /// inbound rule and the destinations of an outbound one; a rule needs at least one.
    private func firewallRules(_ field: YAMLField) throws(ScenarioError) -> [FirewallRuleSpec] {
        var rules: [FirewallRuleSpec] = []
        for item in try list(field) {
            let map = try mapping(item, allowed: ["protocol", "ports", "addresses", "tags"])
            let rule = FirewallRuleSpec(
                protocolName: try oneOf(map.required("protocol"), ["tcp", "udp", "icmp"].map { ($0, $0) }),
                ports: try map.optional("ports").map(nonEmptyString) ?? "0",
                addresses: try map.optional("addresses").map(nonEmptyStrings) ?? [],
                tags: try map.optional("tags").map(nonEmptyStrings) ?? [])
            guard !rule.addresses.isEmpty || !rule.tags.isEmpty else {
                throw error(item, "a rule needs addresses or tags to say where traffic comes from or goes to")
            }
            rules.append(rule)
        }
        return rules
    }

    func loadBalancer(_ field: YAMLField) throws(ScenarioError) -> LoadBalancerSpec {
        let map = try mapping(field, allowed: ["name", "region", "project", "size_unit", "algorithm", "forwarding_rules", "droplets"])
        return LoadBalancerSpec(
            name: try nonEmptyString(map.required("name")),
            region: try nonEmptyString(map.required("region")),
            project: try map.optional("project").map(nonEmptyString),
            sizeUnit: try map.optional("size_unit").map(sizeUnit) ?? 1,
            algorithm: try map.optional("algorithm").map(algorithm) ?? "round_robin",
            forwardingRules: try map.optional("forwarding_rules").map(forwardingRules) ?? [.httpDefault],
            droplets: try map.optional("droplets").map(nonEmptyStrings) ?? [],
            location: map.location)
    }

    func updateLoadBalancer(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "size_unit", "algorithm", "forwarding_rules", "droplets"])
        guard map.entries.count > 1 else {
            throw error(body, "changes nothing: give size_unit, algorithm, forwarding_rules or droplets")
        }
        return .updateLoadBalancer(LoadBalancerUpdateSpec(
            name: try nonEmptyString(map.required("name")),
            sizeUnit: try map.optional("size_unit").map(sizeUnit),
            algorithm: try map.optional("algorithm").map(algorithm),
            forwardingRules: try map.optional("forwarding_rules").map(forwardingRules),
            droplets: try map.optional("droplets").map(nonEmptyStrings)))
    }

    private func sizeUnit(_ field: YAMLField) throws(ScenarioError) -> Int {
        try integer(field, atLeast: 1, atMost: 100)
    }

    private func algorithm(_ field: YAMLField) throws(ScenarioError) -> String {
        try oneOf(field, ["round_robin", "least_connections"].map { ($0, $0) })
    }

    private func forwardingRules(_ field: YAMLField) throws(ScenarioError) -> [ForwardingRuleSpec] {
        let protocols = ["http", "https", "http2", "http3", "tcp", "udp"].map { ($0, $0) }
        var rules: [ForwardingRuleSpec] = []
        for item in try list(field) {
            let map = try mapping(item, allowed: ["entry_protocol", "entry_port", "target_protocol", "target_port"])
            rules.append(ForwardingRuleSpec(
                entryProtocol: try oneOf(map.required("entry_protocol"), protocols),
                entryPort: try integer(map.required("entry_port"), atLeast: 1, atMost: 65_535),
                targetProtocol: try oneOf(map.required("target_protocol"), protocols),
                targetPort: try integer(map.required("target_port"), atLeast: 1, atMost: 65_535)))
        }
        guard !rules.isEmpty else { throw error(field, "a load balancer needs at least one forwarding rule") }
        return rules
    }
}
