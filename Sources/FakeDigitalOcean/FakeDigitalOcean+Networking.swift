import DigitalOcean

/// Firewalls and load balancers, addressed by name; droplets by name too, resolved to their ids
/// when the call is made (a later rename keeps the membership, as on DO).
extension FakeDigitalOcean {
    public func createFirewall(name: String, droplets: [String], tags: [String], inbound: [FirewallInboundRule],
                               outbound: [FirewallOutboundRule]) throws {
        try mutate { world throws(FakeWorldError) in
            try world.createFirewall(name: name, droplets: droplets, tags: tags, inbound: inbound, outbound: outbound)
        }
    }

    /// Replaces what is given; nil leaves that part as it is.
    public func updateFirewall(name: String, droplets: [String]? = nil, tags: [String]? = nil, inbound: [FirewallInboundRule]? = nil,
                               outbound: [FirewallOutboundRule]? = nil) throws {
        try mutate { world throws(FakeWorldError) in
            try world.updateFirewall(name: name, droplets: droplets, tags: tags, inbound: inbound, outbound: outbound)
        }
    }

    public func deleteFirewall(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.deleteFirewall(name: name) }
    }

    /// `sizeUnit` nodes (billed $12.00 a month each); `droplets` must be in `region`.
    public func createLoadBalancer(name: String, region: String, sizeUnit: Int = 1, algorithm: String = "round_robin",
                                   forwardingRules: [LoadBalancer.ForwardingRule], droplets: [String], project: String?) throws {
        try mutate { world throws(FakeWorldError) in
            try world.createLoadBalancer(name: name, region: region, sizeUnit: sizeUnit, algorithm: algorithm,
                                         forwardingRules: forwardingRules, droplets: droplets, project: project)
        }
    }

    public func updateLoadBalancer(name: String, sizeUnit: Int? = nil, algorithm: String? = nil,
                                   forwardingRules: [LoadBalancer.ForwardingRule]? = nil, droplets: [String]? = nil) throws {
        try mutate { world throws(FakeWorldError) in
            try world.updateLoadBalancer(name: name, sizeUnit: sizeUnit, algorithm: algorithm, forwardingRules: forwardingRules,
                                         droplets: droplets)
        }
    }

    public func deleteLoadBalancer(name: String) throws {
        try mutate { world throws(FakeWorldError) in try world.deleteLoadBalancer(name: name) }
    }

    /// The load balancer's id, for tests that address it over the API.
    public func loadBalancerID(name: String) throws -> String {
        try mutate { world throws(FakeWorldError) in try world.loadBalancer(named: name).id }
    }
}
