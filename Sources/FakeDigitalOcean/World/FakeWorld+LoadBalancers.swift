import DigitalOcean

/// Regional load balancers: droplets of the same region behind forwarding rules, billed per node.
extension FakeWorld {
    static let loadBalancerAlgorithms = ["round_robin", "least_connections"]
    static let forwardingProtocols = ["http", "https", "http2", "http3", "tcp", "udp"]

    mutating func createLoadBalancer(name: String, region: String, sizeUnit: Int, algorithm: String,
                                     forwardingRules: [LoadBalancer.ForwardingRule], droplets: [String],
                                     project: String?) throws(FakeWorldError) {
        guard !name.isEmpty else { throw .invalidArgument("a load balancer needs a name") }
        guard loadBalancers.allSatisfy({ $0.name != name }) else { throw .duplicate(.loadBalancer, name) }
        let region = try catalogueRegion(region)
        try Self.checkLoadBalancer(name: name, sizeUnit: sizeUnit, algorithm: algorithm, forwardingRules: forwardingRules)
        let dropletIDs = try backends(droplets, region: region, loadBalancer: name)
        let projectIndex = try projectIndexForNewResource(project)
        bumpRevision()
        let balancer = FakeLoadBalancer(id: rng.uuid(), name: name, ip: drawReservedAddress(), region: region, vpcUUID: vpc(for: region),
                                        createdAt: now, sizeUnit: sizeUnit, algorithm: algorithm, forwardingRules: forwardingRules,
                                        dropletIDs: dropletIDs)
        loadBalancers.append(balancer)
        assign(urn: balancer.urn, selfURL: balancer.selfURL, toProjectAt: projectIndex, at: now)
        history.loadBalancers.begin(id: balancer.id, SteppedLife(id: balancer.id, name: name, projectName: projects[projectIndex].name,
                                                                 startedAt: now, value: sizeUnit))
    }

    /// nil leaves that setting as it is; a new node count is billed from now on.
    mutating func updateLoadBalancer(name: String, sizeUnit: Int?, algorithm: String?, forwardingRules: [LoadBalancer.ForwardingRule]?,
                                     droplets: [String]?) throws(FakeWorldError) {
        let index = try loadBalancerIndex(name)
        var balancer = loadBalancers[index]
        balancer.sizeUnit = sizeUnit ?? balancer.sizeUnit
        balancer.algorithm = algorithm ?? balancer.algorithm
        balancer.forwardingRules = forwardingRules ?? balancer.forwardingRules
        try Self.checkLoadBalancer(name: name, sizeUnit: balancer.sizeUnit, algorithm: balancer.algorithm,
                                   forwardingRules: balancer.forwardingRules)
        if let droplets { balancer.dropletIDs = try backends(droplets, region: balancer.region, loadBalancer: name) }
        bumpRevision()
        loadBalancers[index] = balancer
        let now = now
        history.loadBalancers.update(id: balancer.id) { $0.set(balancer.sizeUnit, at: now) }
    }

    mutating func deleteLoadBalancer(name: String) throws(FakeWorldError) {
        let index = try loadBalancerIndex(name)
        let balancer = loadBalancers[index]
        bumpRevision()
        unassign(urn: balancer.urn)
        loadBalancers.remove(at: index)
        let now = now
        history.loadBalancers.update(id: balancer.id) { $0.end(at: now) }
    }

    func loadBalancer(named name: String) throws(FakeWorldError) -> FakeLoadBalancer {
        loadBalancers[try loadBalancerIndex(name)]
    }

    private func loadBalancerIndex(_ name: String) throws(FakeWorldError) -> Int {
        guard let index = loadBalancers.firstIndex(where: { $0.name == name }) else { throw .unknown(.loadBalancer, name) }
        return index
    }

    /// DO balances only droplets of the load balancer's own region.
    private func backends(_ names: [String], region: FakeRegion, loadBalancer: String) throws(FakeWorldError) -> [Int] {
        for name in names where try droplet(named: name, field: "droplets").region != region {
            throw FakeWorldError.invalidState("droplet '\(name)' is in \(try droplet(named: name).region.slug) but load balancer '\(loadBalancer)' is in \(region.slug)")
                .about("droplets")
        }
        return try dropletIDs(names)
    }

    private static func checkLoadBalancer(name: String, sizeUnit: Int, algorithm: String,
                                          forwardingRules: [LoadBalancer.ForwardingRule]) throws(FakeWorldError) {
        guard (1...100).contains(sizeUnit) else { throw .invalidArgument("load balancer '\(name)' size_unit must be 1-100 nodes, got \(sizeUnit)") }
        guard loadBalancerAlgorithms.contains(algorithm) else {
            throw .invalidArgument("load balancer algorithm must be \(loadBalancerAlgorithms.joined(separator: " or ")), got '\(algorithm)'")
        }
        guard !forwardingRules.isEmpty else { throw .invalidArgument("load balancer '\(name)' needs at least one forwarding rule") }
        for rule in forwardingRules {
            guard forwardingProtocols.contains(rule.entryProtocol), forwardingProtocols.contains(rule.targetProtocol) else {
                throw .invalidArgument("forwarding protocols must be one of \(forwardingProtocols.joined(separator: ", ")), got "
                    + "'\(rule.entryProtocol)' → '\(rule.targetProtocol)'")
            }
            guard (1...65_535).contains(rule.entryPort), (1...65_535).contains(rule.targetPort) else {
                throw .invalidArgument("forwarding ports must be 1-65535, got \(rule.entryPort) → \(rule.targetPort)")
            }
        }
    }
}
