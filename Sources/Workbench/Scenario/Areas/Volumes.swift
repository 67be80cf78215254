import FakeDigitalOcean

// Block storage volumes: the spec, its YAML and its play on the fake, which holds DO's rules
// (one droplet at a time, same region, deleted only when detached).

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

extension YAMLNodeReader {
    /// `attached_to:` belongs to the world only: in the timeline, `attach_volume` says when.
    func volume(_ field: YAMLField, inWorld: Bool) throws(ScenarioError) -> VolumeSpec {
        let map = try mapping(field, allowed: ["name", "size", "region", "project", "tags"] + (inWorld ? ["attached_to"] : []))
        return VolumeSpec(
            name: try nonEmptyString(map.required("name")),
            sizeGB: try integer(map.required("size"), atLeast: 1, atMost: 16_384),
            region: try nonEmptyString(map.required("region")),
            project: try map.optional("project").map(nonEmptyString),
            tags: try map.optional("tags").map(nonEmptyStrings) ?? [],
            attachedTo: try map.optional("attached_to").map(nonEmptyString),
            location: map.location)
    }

    func attachVolume(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "droplet"])
        return .attachVolume(name: try nonEmptyString(map.required("name")), droplet: try nonEmptyString(map.required("droplet")))
    }
}

extension WorldBuilder {
    /// A problem with the droplet is reported at `attached_to`.
    func createWorldVolume(_ volume: VolumeSpec) throws {
        try createVolume(volume)
        guard let droplet = volume.attachedTo else { return }
        do {
            try fake.attachVolume(name: volume.name, toDroplet: droplet)
        } catch let error as FakeWorldError where error.field == "droplet" {
            throw error.about("attached_to")
        }
    }

    func applyVolumeAction(_ action: ScenarioAction) throws {
        switch action {
        case .createVolume(let volume): try createVolume(volume)
        case .attachVolume(let name, let droplet): try fake.attachVolume(name: name, toDroplet: droplet)
        case .detachVolume(let name): try fake.detachVolume(name: name)
        case .deleteVolume(let name): try fake.deleteVolume(name: name)
        default: preconditionFailure("\(action.kind.rawValue) is not a volume action")
        }
    }

    private func createVolume(_ volume: VolumeSpec) throws {
        try fake.createVolume(name: volume.name, sizeGB: volume.sizeGB, region: volume.region, tags: volume.tags, project: volume.project)
    }
}
