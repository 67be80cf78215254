// Domains (DNS zones): the spec, its YAML and its play on the fake.

public struct DomainSpec: Sendable, Equatable {
    public var name: String
    /// The project it is assigned to; nil puts it in the account's default project.
    public var project: String?
    public var ttl: Int
    public var location: ScenarioLocation?
    public init(name: String, project: String? = nil, ttl: Int = 1800, location: ScenarioLocation? = nil) {
        self.name = name
        self.project = project
        self.ttl = ttl
        self.location = location
    }
}

extension YAMLNodeReader {
    func domain(_ field: YAMLField) throws(ScenarioError) -> DomainSpec {
        let map = try mapping(field, allowed: ["name", "project", "ttl"])
        return DomainSpec(
            name: try nonEmptyString(map.required("name")),
            project: try map.optional("project").map(nonEmptyString),
            ttl: try map.optional("ttl").map { f throws(ScenarioError) in try integer(f, atLeast: 1) } ?? 1800,
            location: map.location)
    }
}

extension WorldBuilder {
    func createDomain(_ domain: DomainSpec) throws {
        try fake.createDomain(name: domain.name, ttl: domain.ttl, project: domain.project)
    }
}
