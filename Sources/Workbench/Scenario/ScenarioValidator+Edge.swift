import DigitalOcean

/// Names of the firewalls, load balancers and project-only resources alive as the validator
/// walks the timeline. Regions and backend regions are the fake provider's to check.
struct EdgeResources {
    var firewalls: Set<String> = []
    var loadBalancers: Set<String> = []
    var spacesBuckets: Set<String> = []
    var databases: Set<String> = []
    var k8sClusters: Set<String> = []
    var apps: Set<String> = []
}

/// The validator's checks for firewalls, load balancers, Spaces buckets, databases, clusters and
/// apps, for moves between projects, and for a fault's listing shift.
extension ValidationWalk {
    mutating func checkEdgeWorld() throws(ScenarioError) {
        let world = scenario.world
        for (index, firewall) in world.firewalls.enumerated() {
            let field = "world.firewalls[\(index)]"
            try claim(firewall.name, in: \.firewalls, "firewall", "\(field).name", near: firewall.location)
            for name in firewall.droplets where droplets[name] == nil {
                throw error("\(field).droplets", near: firewall.location, "no world droplet is named '\(name)'")
            }
        }
        for (index, balancer) in world.loadBalancers.enumerated() {
            let field = "world.load_balancers[\(index)]"
            try claim(balancer.name, in: \.loadBalancers, "load balancer", "\(field).name", near: balancer.location)
            try checkProject(balancer.project, "\(field).project", near: balancer.location, when: nil)
            for name in balancer.droplets where droplets[name] == nil {
                throw error("\(field).droplets", near: balancer.location, "no world droplet is named '\(name)'")
            }
        }
        for (index, bucket) in world.spacesBuckets.enumerated() {
            let field = "world.spaces_buckets[\(index)]"
            try claim(bucket.name, in: \.spacesBuckets, "Spaces bucket", "\(field).name", near: bucket.location)
            try checkProject(bucket.project, "\(field).project", near: bucket.location, when: nil)
        }
        for (key, path, noun, specs) in [("databases", \EdgeResources.databases, "database", world.databases),
                                         ("k8s_clusters", \.k8sClusters, "Kubernetes cluster", world.k8sClusters),
                                         ("apps", \.apps, "app", world.apps)] {
            for (index, spec) in specs.enumerated() {
                try claim(spec.name, in: path, noun, "world.\(key)[\(index)].name", near: spec.location)
                try checkProject(spec.project, "world.\(key)[\(index)].project", near: spec.location, when: nil)
            }
        }
    }

    mutating func applyEdge(_ action: ScenarioAction, field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        switch action {
        case .createFirewall(let firewall):
            try claim(firewall.name, in: \.firewalls, "firewall", "\(field).name", near: near)
            try checkLive(firewall.droplets, "\(field).droplets", near: near, when: when)
        case .updateFirewall(let update):
            try checkExists(update.name, in: \.firewalls, "firewall", "\(field).name", near: near, when: when)
            try checkLive(update.droplets ?? [], "\(field).droplets", near: near, when: when)
        case .deleteFirewall(let name):
            try checkExists(name, in: \.firewalls, "firewall", "\(field).name", near: near, when: when)
            edge.firewalls.remove(name)
        case .createLoadBalancer(let balancer):
            try claim(balancer.name, in: \.loadBalancers, "load balancer", "\(field).name", near: near)
            try checkProject(balancer.project, "\(field).project", near: near, when: when)
            try checkLive(balancer.droplets, "\(field).droplets", near: near, when: when)
        case .updateLoadBalancer(let update):
            try checkExists(update.name, in: \.loadBalancers, "load balancer", "\(field).name", near: near, when: when)
            try checkLive(update.droplets ?? [], "\(field).droplets", near: near, when: when)
        case .deleteLoadBalancer(let name):
            try checkExists(name, in: \.loadBalancers, "load balancer", "\(field).name", near: near, when: when)
            edge.loadBalancers.remove(name)
        case .createSpacesBucket(let bucket):
            try claim(bucket.name, in: \.spacesBuckets, "Spaces bucket", "\(field).name", near: near)
            try checkProject(bucket.project, "\(field).project", near: near, when: when)
        case .setSpacesBucketSize(let name, _):
            try checkExists(name, in: \.spacesBuckets, "Spaces bucket", "\(field).name", near: near, when: when)
        case .deleteSpacesBucket(let name):
            try checkExists(name, in: \.spacesBuckets, "Spaces bucket", "\(field).name", near: near, when: when)
            edge.spacesBuckets.remove(name)
        case .createDatabase(let spec), .createK8sCluster(let spec), .createApp(let spec):
            let (path, noun) = Self.projectOnly(action)
            try claim(spec.name, in: path, noun, "\(field).name", near: near)
            try checkProject(spec.project, "\(field).project", near: near, when: when)
        case .deleteDatabase(let name), .deleteK8sCluster(let name), .deleteApp(let name):
            let (path, noun) = Self.projectOnly(action)
            try checkExists(name, in: path, noun, "\(field).name", near: near, when: when)
            edge[keyPath: path].remove(name)
        default:
            break
        }
    }

    /// Droplets and domains are checked by the main walk; every other project member here.
    func checkMove(_ resource: MovedResource, _ field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        switch resource {
        case .droplet(let name): _ = try liveDroplet(name, field, near: near, when: when)
        case .domain(let name): try checkLiveDomain(name, field, near: near, when: when)
        case .volume(let name): _ = try liveVolume(name, field, near: near, when: when)
        case .reservedIP(let name): _ = try liveReservedIP(name, field, near: near, when: when)
        case .loadBalancer(let name): try checkExists(name, in: \.loadBalancers, "load balancer", field, near: near, when: when)
        case .spacesBucket(let name): try checkExists(name, in: \.spacesBuckets, "Spaces bucket", field, near: near, when: when)
        case .database(let name): try checkExists(name, in: \.databases, "database", field, near: near, when: when)
        case .k8sCluster(let name): try checkExists(name, in: \.k8sClusters, "Kubernetes cluster", field, near: near, when: when)
        case .app(let name): try checkExists(name, in: \.apps, "app", field, near: near, when: when)
        }
    }

    /// The `move_to_project` key that names the resource.
    static func movedKey(_ resource: MovedResource) -> String {
        switch resource {
        case .droplet: "droplet"
        case .domain: "domain"
        case .volume: "volume"
        case .reservedIP: "reserved_ip"
        case .loadBalancer: "load_balancer"
        case .spacesBucket: "spaces_bucket"
        case .database: "database"
        case .k8sCluster: "k8s_cluster"
        case .app: "app"
        }
    }

    /// A listing shift changes the world at the next listing of `path` after `when`; from the
    /// validator's point of view it happens at `when`, so later events cannot rely on either side.
    mutating func applyFault(_ fault: FaultSpec, field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        switch fault.then {
        case .destroyDroplet(let name)?:
            _ = try liveDroplet(name, "\(field).then.destroy_droplet.name", near: near, when: when)
            forgetDroplet(name, because: "destroyed by the listing-shift fault at \(when)")
        case .createDroplet(let name, _, _)?:
            try checkDropletNameFree(name, "\(field).then.create_droplet.name", near: near)
            droplets[name] = .active
            dropletsGone[name] = nil
        case nil:
            break
        }
    }

    private static func projectOnly(_ action: ScenarioAction) -> (WritableKeyPath<EdgeResources, Set<String>>, String) {
        switch action {
        case .createDatabase, .deleteDatabase: (\.databases, "database")
        case .createK8sCluster, .deleteK8sCluster: (\.k8sClusters, "Kubernetes cluster")
        default: (\.apps, "app")
        }
    }

    private mutating func claim(_ name: String, in path: WritableKeyPath<EdgeResources, Set<String>>, _ noun: String, _ field: String,
                                near: ScenarioLocation?) throws(ScenarioError) {
        guard edge[keyPath: path].insert(name).inserted else {
            throw error(field, near: near, "a \(noun) named '\(name)' already exists")
        }
    }

    private func checkExists(_ name: String, in path: KeyPath<EdgeResources, Set<String>>, _ noun: String, _ field: String,
                             near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        guard edge[keyPath: path].contains(name) else { throw error(field, near: near, "no \(noun) named '\(name)' exists at \(when)") }
    }

    private func checkLive(_ names: [String], _ field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        for name in names {
            _ = try liveDroplet(name, field, near: near, when: when)
        }
    }
}
