import DigitalOcean
import FakeDigitalOcean

// Cloud firewalls: the specs, their YAML and their play on the fake. DO's projects do not hold
// firewalls, so a firewall has no `project`.

/// A firewall rule in a scenario: traffic of `protocol` on `ports`, from (inbound) or to
/// (outbound) the given addresses and droplet tags.
public struct FirewallRuleSpec: Sendable, Equatable {
    /// `tcp`, `udp` or `icmp`.
    public var protocolName: String
    /// `"0"` (all), a port (`"22"`) or a range (`"8000-9000"`); always `"0"` for icmp.
    public var ports: String
    public var addresses: [String]
    public var tags: [String]
    public init(protocolName: String, ports: String = "0", addresses: [String] = [], tags: [String] = []) {
        self.protocolName = protocolName
        self.ports = ports
        self.addresses = addresses
        self.tags = tags
    }
}

/// A cloud firewall in a scenario. DO's projects do not hold firewalls, so it has no `project`.
public struct FirewallSpec: Sendable, Equatable {
    public var name: String
    /// Live droplets it applies to, by name.
    public var droplets: [String]
    /// Droplets carrying any of these tags are covered too.
    public var tags: [String]
    public var inbound: [FirewallRuleSpec]
    public var outbound: [FirewallRuleSpec]
    public var location: ScenarioLocation?
    public init(name: String, droplets: [String] = [], tags: [String] = [], inbound: [FirewallRuleSpec] = [],
                outbound: [FirewallRuleSpec] = [], location: ScenarioLocation? = nil) {
        self.name = name
        self.droplets = droplets
        self.tags = tags
        self.inbound = inbound
        self.outbound = outbound
        self.location = location
    }
}

/// `update_firewall`: each given part replaces the firewall's; nil leaves it as it is.
public struct FirewallUpdateSpec: Sendable, Equatable {
    public var name: String
    public var droplets: [String]?
    public var tags: [String]?
    public var inbound: [FirewallRuleSpec]?
    public var outbound: [FirewallRuleSpec]?
    public init(name: String, droplets: [String]? = nil, tags: [String]? = nil, inbound: [FirewallRuleSpec]? = nil,
                outbound: [FirewallRuleSpec]? = nil) {
        self.name = name
        self.droplets = droplets
        self.tags = tags
        self.inbound = inbound
        self.outbound = outbound
    }
}

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
}

extension WorldBuilder {
    func createFirewall(_ firewall: FirewallSpec) throws {
        try fake.createFirewall(name: firewall.name, droplets: firewall.droplets, tags: firewall.tags,
                                inbound: Self.inbound(firewall.inbound), outbound: Self.outbound(firewall.outbound))
    }

    func applyFirewallAction(_ action: ScenarioAction) throws {
        switch action {
        case .createFirewall(let firewall): try createFirewall(firewall)
        case .updateFirewall(let update):
            try fake.updateFirewall(name: update.name, droplets: update.droplets, tags: update.tags,
                                    inbound: update.inbound.map(Self.inbound), outbound: update.outbound.map(Self.outbound))
        case .deleteFirewall(let name): try fake.deleteFirewall(name: name)
        default: preconditionFailure("\(action.kind.rawValue) is not a firewall action")
        }
    }

    private static func target(_ rule: FirewallRuleSpec) -> FirewallTarget {
        FirewallTarget(addresses: rule.addresses.isEmpty ? nil : rule.addresses, tags: rule.tags.isEmpty ? nil : rule.tags)
    }

    private static func inbound(_ rules: [FirewallRuleSpec]) -> [FirewallInboundRule] {
        rules.map { FirewallInboundRule(protocol: $0.protocolName, ports: $0.ports, sources: target($0)) }
    }

    private static func outbound(_ rules: [FirewallRuleSpec]) -> [FirewallOutboundRule] {
        rules.map { FirewallOutboundRule(protocol: $0.protocolName, ports: $0.ports, destinations: target($0)) }
    }
}
