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

/// Traffic entering a load balancer on one port and passed to its droplets on another.
public struct ForwardingRuleSpec: Sendable, Equatable {
    public var entryProtocol: String
    public var entryPort: Int
    public var targetProtocol: String
    public var targetPort: Int
    public init(entryProtocol: String, entryPort: Int, targetProtocol: String, targetPort: Int) {
        self.entryProtocol = entryProtocol
        self.entryPort = entryPort
        self.targetProtocol = targetProtocol
        self.targetPort = targetPort
    }

    /// HTTP on port 80 to port 80: what a load balancer forwards when the scenario says nothing.
    public static let httpDefault = ForwardingRuleSpec(entryProtocol: "http", entryPort: 80, targetProtocol: "http", targetPort: 80)
}

/// A regional load balancer in a scenario, billed per node.
public struct LoadBalancerSpec: Sendable, Equatable {
    public var name: String
    public var region: String
    public var project: String?
    /// Nodes, 1–100.
    public var sizeUnit: Int
    /// `round_robin` or `least_connections`.
    public var algorithm: String
    public var forwardingRules: [ForwardingRuleSpec]
    /// Live droplets of the same region, by name.
    public var droplets: [String]
    public var location: ScenarioLocation?
    public init(name: String, region: String, project: String? = nil, sizeUnit: Int = 1, algorithm: String = "round_robin",
                forwardingRules: [ForwardingRuleSpec] = [.httpDefault], droplets: [String] = [], location: ScenarioLocation? = nil) {
        self.name = name
        self.region = region
        self.project = project
        self.sizeUnit = sizeUnit
        self.algorithm = algorithm
        self.forwardingRules = forwardingRules
        self.droplets = droplets
        self.location = location
    }
}

/// `update_load_balancer`: each given setting replaces the balancer's; nil leaves it as it is.
public struct LoadBalancerUpdateSpec: Sendable, Equatable {
    public var name: String
    public var sizeUnit: Int?
    public var algorithm: String?
    public var forwardingRules: [ForwardingRuleSpec]?
    public var droplets: [String]?
    public init(name: String, sizeUnit: Int? = nil, algorithm: String? = nil, forwardingRules: [ForwardingRuleSpec]? = nil,
                droplets: [String]? = nil) {
        self.name = name
        self.sizeUnit = sizeUnit
        self.algorithm = algorithm
        self.forwardingRules = forwardingRules
        self.droplets = droplets
    }
}
