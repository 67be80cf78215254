extension Scenario {
    /// The scenario without where it was written: `file` and every spec's `location` cleared.
    /// Two scenarios equal this way describe the same run, however they were laid out, so this is
    /// how a scenario written out and read back is compared with the one it came from.
    public func withoutLocations() -> Scenario {
        var copy = self
        copy.file = nil
        copy.world = world.withoutLocations()
        copy.timeline = timeline.map { TimelineEvent(at: $0.at, action: $0.action.withoutLocations()) }
        copy.driftIgnore = driftIgnore.map(\.unlocated)
        copy.tenancy.tenants = tenancy.tenants.map(\.unlocated)
        copy.tenancy.deployments = tenancy.deployments.map(\.unlocated)
        copy.priceBooks = priceBooks.map(\.unlocated)
        copy.expectations = expectations.map { ExpectationSpec(check: $0.check) }
        return copy
    }
}

extension WorldSpec {
    func withoutLocations() -> WorldSpec {
        WorldSpec(sizes: sizes.map(\.unlocated), projects: projects.map(\.unlocated), droplets: droplets.map(\.unlocated),
                  domains: domains.map(\.unlocated), volumes: volumes.map(\.unlocated), reservedIPs: reservedIPs.map(\.unlocated),
                  firewalls: firewalls.map(\.unlocated), loadBalancers: loadBalancers.map(\.unlocated),
                  spacesBuckets: spacesBuckets.map(\.unlocated), databases: databases.map(\.unlocated),
                  k8sClusters: k8sClusters.map(\.unlocated), apps: apps.map(\.unlocated))
    }
}

extension ScenarioAction {
    func withoutLocations() -> ScenarioAction {
        switch self {
        case .createProject(let spec): .createProject(spec.unlocated)
        case .createDroplet(let spec): .createDroplet(spec.unlocated)
        case .createDomain(let spec): .createDomain(spec.unlocated)
        case .createVolume(let spec): .createVolume(spec.unlocated)
        case .reserveIP(let spec): .reserveIP(spec.unlocated)
        case .createFirewall(let spec): .createFirewall(spec.unlocated)
        case .createLoadBalancer(let spec): .createLoadBalancer(spec.unlocated)
        case .createSpacesBucket(let spec): .createSpacesBucket(spec.unlocated)
        case .createDatabase(let spec): .createDatabase(spec.unlocated)
        case .createK8sCluster(let spec): .createK8sCluster(spec.unlocated)
        case .createApp(let spec): .createApp(spec.unlocated)
        default: self
        }
    }
}

/// A spec that remembers where it was written.
protocol ScenarioLocated {
    var location: ScenarioLocation? { get set }
}

extension ScenarioLocated {
    var unlocated: Self {
        var copy = self
        copy.location = nil
        return copy
    }
}

extension SizeSpec: ScenarioLocated {}
extension ProjectSpec: ScenarioLocated {}
extension DropletSpec: ScenarioLocated {}
extension DomainSpec: ScenarioLocated {}
extension VolumeSpec: ScenarioLocated {}
extension ReservedIPSpec: ScenarioLocated {}
extension FirewallSpec: ScenarioLocated {}
extension LoadBalancerSpec: ScenarioLocated {}
extension SpacesBucketSpec: ScenarioLocated {}
extension ProjectOnlySpec: ScenarioLocated {}
extension TenantSpec: ScenarioLocated {}
extension DeploymentSpec: ScenarioLocated {}
extension PriceBookSpec: ScenarioLocated {}
extension DriftIgnoreSpec: ScenarioLocated {}
