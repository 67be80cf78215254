import FakeDigitalOcean

// Resources DO's projects hold but the fake serves no `/v2` listing for (Spaces buckets, managed
// databases, Kubernetes clusters, apps): the specs, their YAML and their play on the fake.

/// A Spaces bucket in a scenario. DO bills the account, not the bucket: a subscription while any
/// bucket exists, and the storage of all buckets together above 250 GB.
public struct SpacesBucketSpec: Sendable, Equatable {
    public var name: String
    public var region: String
    /// GB stored; `set_spaces_bucket_size` changes it over time.
    public var sizeGB: Int
    public var project: String?
    public var location: ScenarioLocation?
    public init(name: String, region: String, sizeGB: Int = 0, project: String? = nil, location: ScenarioLocation? = nil) {
        self.name = name
        self.region = region
        self.sizeGB = sizeGB
        self.project = project
        self.location = location
    }
}

/// A managed database cluster, Kubernetes cluster or App Platform app: resources the fake holds
/// only as project members, so inventory learns of them from the projects pass alone.
public struct ProjectOnlySpec: Sendable, Equatable {
    public var name: String
    public var region: String?
    public var project: String?
    public var location: ScenarioLocation?
    public init(name: String, region: String? = nil, project: String? = nil, location: ScenarioLocation? = nil) {
        self.name = name
        self.region = region
        self.project = project
        self.location = location
    }
}

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
}

extension WorldBuilder {
    func createSpacesBucket(_ bucket: SpacesBucketSpec) throws {
        try fake.createSpacesBucket(name: bucket.name, region: bucket.region, sizeGB: bucket.sizeGB, project: bucket.project)
    }

    /// The kinds that are only a name, a region and a project.
    enum ProjectOnlyKind {
        case database, k8sCluster, app
    }

    func createProjectOnly(_ kind: ProjectOnlyKind, _ spec: ProjectOnlySpec) throws {
        switch kind {
        case .database: try fake.createDatabase(name: spec.name, region: spec.region, project: spec.project)
        case .k8sCluster: try fake.createK8sCluster(name: spec.name, region: spec.region, project: spec.project)
        case .app: try fake.createApp(name: spec.name, region: spec.region, project: spec.project)
        }
    }

    func applyProjectOnlyAction(_ action: ScenarioAction) throws {
        switch action {
        case .createSpacesBucket(let bucket): try createSpacesBucket(bucket)
        case .deleteSpacesBucket(let name): try fake.deleteSpacesBucket(name: name)
        case .setSpacesBucketSize(let name, let size): try fake.setSpacesBucketSize(name: name, sizeGB: size)
        case .createDatabase(let spec): try createProjectOnly(.database, spec)
        case .deleteDatabase(let name): try fake.deleteDatabase(name: name)
        case .createK8sCluster(let spec): try createProjectOnly(.k8sCluster, spec)
        case .deleteK8sCluster(let name): try fake.deleteK8sCluster(name: name)
        case .createApp(let spec): try createProjectOnly(.app, spec)
        case .deleteApp(let name): try fake.deleteApp(name: name)
        default: preconditionFailure("\(action.kind.rawValue) is not a project-only resource action")
        }
    }
}
