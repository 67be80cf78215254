import FakeDigitalOcean

// Projects, and moving any project resource between them: the specs, their YAML and their play
// on the fake.

public struct ProjectSpec: Sendable, Equatable {
    public var name: String
    public var description: String
    /// `Development`, `Staging` or `Production` (DO's enum).
    public var environment: String?
    /// DO accounts always have one default project, where resources created without a project land.
    /// When no world project is marked default the fake provider creates one named `Default`
    /// (described `Default project`, as in DO's own API example).
    public var isDefault: Bool
    public var location: ScenarioLocation?
    public init(name: String, description: String = "", environment: String? = nil, isDefault: Bool = false,
                location: ScenarioLocation? = nil) {
        self.name = name
        self.description = description
        self.environment = environment
        self.isDefault = isDefault
        self.location = location
    }
}

/// What a resource reference in a `move_to_project` event points at.
public enum MovedResource: Sendable, Equatable {
    case droplet(String)
    case domain(String)
    case volume(String)
    case snapshot(String)
    /// By the scenario's label.
    case reservedIP(String)
    case loadBalancer(String)
    case spacesBucket(String)
    case database(String)
    case k8sCluster(String)
    case app(String)

    /// The `move_to_project` key that names it.
    var key: String {
        switch self {
        case .droplet: "droplet"
        case .domain: "domain"
        case .volume: "volume"
        case .snapshot: "snapshot"
        case .reservedIP: "reserved_ip"
        case .loadBalancer: "load_balancer"
        case .spacesBucket: "spaces_bucket"
        case .database: "database"
        case .k8sCluster: "k8s_cluster"
        case .app: "app"
        }
    }
}

extension YAMLNodeReader {
    /// `default:` belongs to the world only: DO has no API that creates a default project.
    func project(_ field: YAMLField, allowsDefault: Bool) throws(ScenarioError) -> ProjectSpec {
        let keys = ["name", "description", "environment"] + (allowsDefault ? ["default"] : [])
        let map = try mapping(field, allowed: keys)
        return ProjectSpec(
            name: try nonEmptyString(map.required("name")),
            description: try map.optional("description").map(string) ?? "",
            environment: try map.optional("environment").map { f throws(ScenarioError) in
                try oneOf(f, ["Development", "Staging", "Production"].map { ($0, $0) })
            },
            isDefault: try map.optional("default").map(bool) ?? false,
            location: map.location)
    }

    func moveToProject(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: Self.movableKeys + ["project"])
        let resource = try movedResource(map, body)
        return .moveToProject(resource: resource, project: try nonEmptyString(map.required("project")))
    }

    /// The keys that name the resource a `move_to_project` moves.
    static let movableKeys = ["droplet", "domain", "volume", "snapshot", "reserved_ip", "load_balancer", "spaces_bucket", "database", "k8s_cluster", "app"]

    /// Exactly one of the resource keys.
    private func movedResource(_ map: YAMLMapping, _ body: YAMLField) throws(ScenarioError) -> MovedResource {
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
        case "snapshot": return .snapshot(name)
        case "reserved_ip": return .reservedIP(name)
        case "load_balancer": return .loadBalancer(name)
        case "spaces_bucket": return .spacesBucket(name)
        case "database": return .database(name)
        case "k8s_cluster": return .k8sCluster(name)
        default: return .app(name)
        }
    }
}

extension WorldBuilder {
    func createProject(_ project: ProjectSpec) throws {
        try fake.createProject(name: project.name, description: project.description, environment: project.environment,
                               isDefault: project.isDefault)
    }

    /// A problem with the resource is reported at the key that named it.
    func move(_ resource: MovedResource, to project: String) throws {
        do {
            switch resource {
            case .droplet(let name): try fake.assignDroplet(name: name, toProject: project)
            case .domain(let name): try fake.assignDomain(name: name, toProject: project)
            default: try fake.move(try member(resource), toProject: project)
            }
        } catch let error as FakeWorldError where error.field != "project" {
            throw error.about(resource.key)
        }
    }

    /// The fake's name for a project member; a reserved IP's label becomes its address.
    private func member(_ resource: MovedResource) throws -> ProjectMember {
        switch resource {
        case .droplet(let name): .droplet(name)
        case .domain(let name): .domain(name)
        case .volume(let name): .volume(name)
        case .snapshot(let name): .snapshot(name)
        case .reservedIP(let label): .reservedIP(try address(label))
        case .loadBalancer(let name): .loadBalancer(name)
        case .spacesBucket(let name): .spacesBucket(name)
        case .database(let name): .database(name)
        case .k8sCluster(let name): .k8sCluster(name)
        case .app(let name): .app(name)
        }
    }
}
