/// Spaces buckets, databases, Kubernetes clusters and apps in `world:` and their timeline actions,
/// and the resource a `move_to_project` names.
extension YAMLNodeReader {
    func spacesBucket(_ field: YAMLField) throws(ScenarioError) -> SpacesBucketSpec {
        let map = try mapping(field, allowed: ["name", "region", "size", "project"])
        return SpacesBucketSpec(
            name: try nonEmptyString(map.required("name")),
            region: try nonEmptyString(map.required("region")),
            sizeGB: try map.optional("size").map { f throws(ScenarioError) in try integer(f, atLeast: 0, atMost: 1_000_000) } ?? 0,
            project: try map.optional("project").map(nonEmptyString),
            location: map.location)
    }

    func setSpacesBucketSize(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "size"])
        return .setSpacesBucketSize(name: try nonEmptyString(map.required("name")),
                                    sizeGB: try integer(map.required("size"), atLeast: 0, atMost: 1_000_000))
    }

    /// A database cluster, Kubernetes cluster or app: `{name, region?, project?}`.
    func projectOnly(_ field: YAMLField) throws(ScenarioError) -> ProjectOnlySpec {
        let map = try mapping(field, allowed: ["name", "region", "project"])
        return ProjectOnlySpec(
            name: try nonEmptyString(map.required("name")),
            region: try map.optional("region").map(nonEmptyString),
            project: try map.optional("project").map(nonEmptyString),
            location: map.location)
    }

    /// The resource a `move_to_project` names: exactly one of its resource keys.
    static let movableKeys = ["droplet", "domain", "volume", "reserved_ip", "load_balancer", "spaces_bucket", "database", "k8s_cluster", "app"]

    func movedResource(_ map: YAMLMapping, _ body: YAMLField) throws(ScenarioError) -> MovedResource {
        let named = Self.movableKeys.compactMap { key in map.optional(key).map { (key: key, field: $0) } }
        guard let only = named.first else {
            throw error(body, "missing the resource to move: add one of \(Self.movableKeys.joined(separator: ", "))")
        }
        guard named.count == 1 else {
            throw error(body, "names \(named.map(\.key).joined(separator: " and ")); move one resource per item")
        }
        let name = try nonEmptyString(only.field)
        switch only.key {
        case "droplet": return .droplet(name)
        case "domain": return .domain(name)
        case "volume": return .volume(name)
        case "reserved_ip": return .reservedIP(name)
        case "load_balancer": return .loadBalancer(name)
        case "spaces_bucket": return .spacesBucket(name)
        case "database": return .database(name)
        case "k8s_cluster": return .k8sCluster(name)
        default: return .app(name)
        }
    }
}
