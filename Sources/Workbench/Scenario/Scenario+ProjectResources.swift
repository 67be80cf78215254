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
