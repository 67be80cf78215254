import DigitalOcean
import FakeDigitalOcean

/// Firewalls, load balancers and project-only resources, declared or played onto the fake.
extension WorldBuilder {
    /// After every other world resource, so firewalls and load balancers can name world droplets.
    func buildEdge(_ world: WorldSpec) throws(SimulationError) {
        for balancer in world.loadBalancers {
            try attempt(balancer.location, "world.load_balancers") { try createLoadBalancer(balancer) }
        }
        for firewall in world.firewalls {
            try attempt(firewall.location, "world.firewalls") { try createFirewall(firewall) }
        }
        for bucket in world.spacesBuckets {
            try attempt(bucket.location, "world.spaces_buckets") {
                try fake.createSpacesBucket(name: bucket.name, region: bucket.region, sizeGB: bucket.sizeGB, project: bucket.project)
            }
        }
        for database in world.databases {
            try attempt(database.location, "world.databases") {
                try fake.createDatabase(name: database.name, region: database.region, project: database.project)
            }
        }
        for cluster in world.k8sClusters {
            try attempt(cluster.location, "world.k8s_clusters") {
                try fake.createK8sCluster(name: cluster.name, region: cluster.region, project: cluster.project)
            }
        }
        for app in world.apps {
            try attempt(app.location, "world.apps") { try fake.createApp(name: app.name, region: app.region, project: app.project) }
        }
    }

    func applyEdge(_ action: ScenarioAction) throws {
        switch action {
        case .createFirewall(let firewall): try createFirewall(firewall)
        case .updateFirewall(let update):
            try fake.updateFirewall(name: update.name, droplets: update.droplets, tags: update.tags,
                                    inbound: update.inbound.map(Self.inbound), outbound: update.outbound.map(Self.outbound))
        case .deleteFirewall(let name): try fake.deleteFirewall(name: name)
        case .createLoadBalancer(let balancer): try createLoadBalancer(balancer)
        case .updateLoadBalancer(let update):
            try fake.updateLoadBalancer(name: update.name, sizeUnit: update.sizeUnit, algorithm: update.algorithm,
                                        forwardingRules: update.forwardingRules.map(Self.forwarding), droplets: update.droplets)
        case .deleteLoadBalancer(let name): try fake.deleteLoadBalancer(name: name)
        case .createSpacesBucket(let bucket):
            try fake.createSpacesBucket(name: bucket.name, region: bucket.region, sizeGB: bucket.sizeGB, project: bucket.project)
        case .deleteSpacesBucket(let name): try fake.deleteSpacesBucket(name: name)
        case .setSpacesBucketSize(let name, let size): try fake.setSpacesBucketSize(name: name, sizeGB: size)
        case .createDatabase(let spec): try fake.createDatabase(name: spec.name, region: spec.region, project: spec.project)
        case .deleteDatabase(let name): try fake.deleteDatabase(name: name)
        case .createK8sCluster(let spec): try fake.createK8sCluster(name: spec.name, region: spec.region, project: spec.project)
        case .deleteK8sCluster(let name): try fake.deleteK8sCluster(name: name)
        case .createApp(let spec): try fake.createApp(name: spec.name, region: spec.region, project: spec.project)
        case .deleteApp(let name): try fake.deleteApp(name: name)
        default: break
        }
    }

    /// The fake's name for a project member; a reserved IP's label becomes its address.
    func member(_ resource: MovedResource) throws -> ProjectMember {
        switch resource {
        case .droplet(let name): .droplet(name)
        case .domain(let name): .domain(name)
        case .volume(let name): .volume(name)
        case .reservedIP(let label): .reservedIP(try address(label))
        case .loadBalancer(let name): .loadBalancer(name)
        case .spacesBucket(let name): .spacesBucket(name)
        case .database(let name): .database(name)
        case .k8sCluster(let name): .k8sCluster(name)
        case .app(let name): .app(name)
        }
    }

    func listingShift(_ shift: ListingShiftSpec) -> ListingShift {
        switch shift {
        case .destroyDroplet(let name): .destroyDroplet(name: name)
        case .createDroplet(let name, let size, let region): .createDroplet(name: name, size: size, region: region)
        }
    }

    private func createFirewall(_ firewall: FirewallSpec) throws {
        try fake.createFirewall(name: firewall.name, droplets: firewall.droplets, tags: firewall.tags,
                                inbound: Self.inbound(firewall.inbound), outbound: Self.outbound(firewall.outbound))
    }

    private func createLoadBalancer(_ balancer: LoadBalancerSpec) throws {
        try fake.createLoadBalancer(name: balancer.name, region: balancer.region, sizeUnit: balancer.sizeUnit, algorithm: balancer.algorithm,
                                    forwardingRules: Self.forwarding(balancer.forwardingRules), droplets: balancer.droplets,
                                    project: balancer.project)
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

    private static func forwarding(_ rules: [ForwardingRuleSpec]) -> [LoadBalancer.ForwardingRule] {
        rules.map { LoadBalancer.ForwardingRule(entryProtocol: $0.entryProtocol, entryPort: $0.entryPort, targetProtocol: $0.targetProtocol,
                                                targetPort: $0.targetPort) }
    }
}
