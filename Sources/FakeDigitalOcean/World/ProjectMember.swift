/// A resource that DO projects can hold, named the way a scenario names it. Firewalls are not
/// among them: DO's projects do not hold firewalls.
public enum ProjectMember: Sendable, Equatable {
    case droplet(String)
    case domain(String)
    case volume(String)
    /// A droplet or volume snapshot, by name.
    case snapshot(String)
    /// By address.
    case reservedIP(String)
    case loadBalancer(String)
    case spacesBucket(String)
    case database(String)
    case k8sCluster(String)
    case app(String)
}

extension FakeWorld {
    /// Moves the resource into `project`, out of whichever project held it. Droplets, load
    /// balancers and reserved IPs are billed under their latest project, so their lives follow.
    mutating func move(_ member: ProjectMember, toProject project: String) throws(FakeWorldError) {
        let target: (urn: String, selfURL: String)
        switch member {
        case .droplet(let name):
            return try assignDroplet(name: name, toProject: project)
        case .domain(let name):
            return try assignDomain(name: name, toProject: project)
        case .volume(let name):
            let volume = volumes[try volumeIndex(name)]
            target = (volume.urn, volume.selfURL)
        case .snapshot(let name):
            let snapshot = try snapshot(named: name)
            target = (snapshot.urn, snapshot.selfURL)
        case .reservedIP(let ip):
            guard let reserved = reservedIPs.first(where: { $0.ip == ip }) else { throw .unknown(.reservedIP, ip) }
            try reassign(urn: reserved.urn, selfURL: reserved.selfURL, toProject: project)
            history.reservedIPs.update(id: ip) { $0.projectName = project }
            return
        case .loadBalancer(let name):
            let balancer = try loadBalancer(named: name)
            try reassign(urn: balancer.urn, selfURL: balancer.selfURL, toProject: project)
            history.loadBalancers.update(id: balancer.id) { $0.projectName = project }
            return
        case .spacesBucket(let name):
            target = try projectOnlyTarget(.spacesBucket, name)
        case .database(let name):
            target = try projectOnlyTarget(.database, name)
        case .k8sCluster(let name):
            target = try projectOnlyTarget(.k8sCluster, name)
        case .app(let name):
            target = try projectOnlyTarget(.app, name)
        }
        try reassign(urn: target.urn, selfURL: target.selfURL, toProject: project)
    }

    private func projectOnlyTarget(_ kind: FakeProjectOnlyResource.Kind, _ name: String) throws(FakeWorldError) -> (urn: String, selfURL: String) {
        let resource = try projectOnlyResource(kind, named: name)
        return (resource.urn, resource.selfURL)
    }
}
