import FakeDigitalOcean

// Reserved IPs: the spec, its YAML and its play on the fake. DO names a reserved IP by its
// address, which the fake draws from the seed, so a scenario names it by a label of its own and
// the builder keeps the label → address map.

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

extension YAMLNodeReader {
    func reservedIP(_ field: YAMLField) throws(ScenarioError) -> ReservedIPSpec {
        let map = try mapping(field, allowed: ["name", "region", "project", "droplet"])
        return ReservedIPSpec(name: try nonEmptyString(map.required("name")), region: try nonEmptyString(map.required("region")),
                              project: try map.optional("project").map(nonEmptyString),
                              droplet: try map.optional("droplet").map(nonEmptyString), location: map.location)
    }

    func assignIP(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "droplet"])
        return .assignIP(name: try nonEmptyString(map.required("name")), droplet: try nonEmptyString(map.required("droplet")))
    }
}

extension WorldBuilder {
    /// Labels are unique, as names are for every other resource.
    mutating func reserve(_ spec: ReservedIPSpec) throws {
        guard reservedIPs[spec.name] == nil else { throw FakeWorldError.duplicate(.reservedIP, spec.name) }
        let ip = try fake.reserveIP(region: spec.region, project: spec.project)
        reservedIPs[spec.name] = ip
        if let droplet = spec.droplet { try fake.assignIP(ip, toDroplet: droplet) }
    }

    mutating func applyReservedIPAction(_ action: ScenarioAction) throws {
        switch action {
        case .reserveIP(let spec): try reserve(spec)
        case .assignIP(let name, let droplet): try fake.assignIP(try address(name), toDroplet: droplet)
        case .unassignIP(let name): try fake.unassignIP(try address(name))
        case .releaseIP(let name):
            try fake.releaseIP(try address(name))
            reservedIPs[name] = nil
        default: preconditionFailure("\(action.kind.rawValue) is not a reserved IP action")
        }
    }

    func address(_ label: String) throws(FakeWorldError) -> String {
        guard let ip = reservedIPs[label] else { throw .unknown(.reservedIP, label) }
        return ip
    }

    /// The label a scenario gave the address, for messages (the address itself if it has none).
    func label(ofAddress ip: String) -> String {
        reservedIPs.first { $0.value == ip }?.key ?? ip
    }
}
