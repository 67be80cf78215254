import DigitalOcean

// Regional load balancers: the specs, their YAML and their play on the fake, which holds DO's
// rules (backends in the balancer's region, 1–100 nodes).

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

extension YAMLNodeReader {
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

extension WorldBuilder {
    func createLoadBalancer(_ balancer: LoadBalancerSpec) throws {
        try fake.createLoadBalancer(name: balancer.name, region: balancer.region, sizeUnit: balancer.sizeUnit, algorithm: balancer.algorithm,
                                    forwardingRules: Self.forwarding(balancer.forwardingRules), droplets: balancer.droplets,
                                    project: balancer.project)
    }

    func applyLoadBalancerAction(_ action: ScenarioAction) throws {
        switch action {
        case .createLoadBalancer(let balancer): try createLoadBalancer(balancer)
        case .updateLoadBalancer(let update):
            try fake.updateLoadBalancer(name: update.name, sizeUnit: update.sizeUnit, algorithm: update.algorithm,
                                        forwardingRules: update.forwardingRules.map(Self.forwarding), droplets: update.droplets)
        case .deleteLoadBalancer(let name): try fake.deleteLoadBalancer(name: name)
        default: preconditionFailure("\(action.kind.rawValue) is not a load balancer action")
        }
    }

    private static func forwarding(_ rules: [ForwardingRuleSpec]) -> [LoadBalancer.ForwardingRule] {
        rules.map { LoadBalancer.ForwardingRule(entryProtocol: $0.entryProtocol, entryPort: $0.entryPort, targetProtocol: $0.targetProtocol,
                                                targetPort: $0.targetPort) }
    }
}
