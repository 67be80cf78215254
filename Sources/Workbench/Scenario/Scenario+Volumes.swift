/// A block storage volume in a scenario.
public struct VolumeSpec: Sendable, Equatable {
    public var name: String
    public var sizeGB: Int
    public var region: String
    /// The project it is assigned to; nil puts it in the account's default project.
    public var project: String?
    public var tags: [String]
    /// World volumes only: the droplet it is attached to at the start.
    public var attachedTo: String?
    public var location: ScenarioLocation?
    public init(name: String, sizeGB: Int, region: String, project: String? = nil, tags: [String] = [], attachedTo: String? = nil,
                location: ScenarioLocation? = nil) {
        self.name = name
        self.sizeGB = sizeGB
        self.region = region
        self.project = project
        self.tags = tags
        self.attachedTo = attachedTo
        self.location = location
    }
}

/// A reserved IP in a scenario. DO names a reserved IP by its address, which the fake draws from
/// the seed, so a scenario names it by a label of its own.
public struct ReservedIPSpec: Sendable, Equatable {
    public var name: String
    public var region: String
    public var project: String?
    /// The droplet it is assigned to when reserved.
    public var droplet: String?
    public var location: ScenarioLocation?
    public init(name: String, region: String, project: String? = nil, droplet: String? = nil, location: ScenarioLocation? = nil) {
        self.name = name
        self.region = region
        self.project = project
        self.droplet = droplet
        self.location = location
    }
}
