import DigitalOcean
import Foundation
import MoneyAndTime

// Droplets: the spec, its YAML (world droplets, `count:` fleets, and the droplet actions) and
// their play on the fake.

public enum PowerState: String, Sendable, Equatable {
    case active
    case off
}

public struct DropletSpec: Sendable, Equatable {
    public var name: String
    /// A size slug from the catalogue, e.g. `s-2vcpu-4gb`.
    public var size: String
    /// A region slug, e.g. `syd1`.
    public var region: String
    /// The project it is assigned to; nil puts it in the account's default project, as DO does.
    public var project: String?
    public var tags: [String]
    public var status: PowerState
    /// For world droplets only: when it was created (default: the clock start; never after it).
    public var createdAt: Timestamp?
    public var location: ScenarioLocation?
    /// Its spec (size, region, tags) is recorded as desired state, as provisioning code would.
    public var provisioned: Bool
    public init(name: String, size: String, region: String, project: String? = nil, tags: [String] = [],
                status: PowerState = .active, createdAt: Timestamp? = nil, location: ScenarioLocation? = nil,
                provisioned: Bool = false) {
        self.name = name
        self.size = size
        self.region = region
        self.project = project
        self.tags = tags
        self.status = status
        self.createdAt = createdAt
        self.location = location
        self.provisioned = provisioned
    }
}

extension YAMLNodeReader {
    private static let dropletKeys = ["name", "size", "region", "project", "tags", "status", "provisioned"]

    /// A droplet created by the timeline: it is created at the event's `at`, so it has no `created_at`.
    func droplet(_ field: YAMLField) throws(ScenarioError) -> DropletSpec {
        try dropletSpec(mapping(field, allowed: Self.dropletKeys))
    }

    /// A world droplet, or with `count: N` N of them: the name must then contain `#`, which becomes
    /// 1…N zero-padded to N's width (`node-#` with `count: 250` gives `node-001` … `node-250`), so
    /// a fleet big enough to span pages is one line of YAML. (`#` rather than `{n}`: braces are
    /// flow-mapping syntax in YAML and would need quoting.)
    func worldDroplets(_ field: YAMLField) throws(ScenarioError) -> [DropletSpec] {
        let map = try mapping(field, allowed: Self.dropletKeys + ["created_at", "count"])
        let template = try dropletSpec(map)
        let placeholder = template.name.contains("#")
        guard let countField = map.optional("count") else {
            if placeholder { throw error(try map.required("name"), "'#' in a name needs a 'count' to number the droplets") }
            return [template]
        }
        let count = try integer(countField, atLeast: 1, atMost: 10_000)
        guard placeholder else {
            throw error(try map.required("name"), "with 'count', the name must contain '#' so each droplet gets its own name")
        }
        let width = String(count).count
        return (1...count).map { number in
            let digits = String(number)
            var droplet = template
            droplet.name = template.name.replacingOccurrences(
                of: "#", with: String(repeating: "0", count: width - digits.count) + digits)
            return droplet
        }
    }

    private func dropletSpec(_ map: YAMLMapping) throws(ScenarioError) -> DropletSpec {
        DropletSpec(
            name: try nonEmptyString(map.required("name")),
            size: try nonEmptyString(map.required("size")),
            region: try nonEmptyString(map.required("region")),
            project: try map.optional("project").map(nonEmptyString),
            tags: try map.optional("tags").map(nonEmptyStrings) ?? [],
            status: try map.optional("status").map(powerState) ?? .active,
            createdAt: try map.optional("created_at").map(time),
            location: map.location,
            provisioned: try map.optional("provisioned").map(bool) ?? false)
    }

    private func powerState(_ field: YAMLField) throws(ScenarioError) -> PowerState {
        try oneOf(field, [PowerState.active, .off].map { ($0.rawValue, $0) })
    }

    func resizeDroplet(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "size"])
        return .resizeDroplet(name: try nonEmptyString(map.required("name")), size: try nonEmptyString(map.required("size")))
    }

    func renameDroplet(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "to"])
        return .renameDroplet(name: try nonEmptyString(map.required("name")), to: try nonEmptyString(map.required("to")))
    }

    /// `tag_droplet` (`adding`) or `untag_droplet`: `{name, tags}`, at least one tag.
    func tagDroplet(_ body: YAMLField, adding: Bool = true) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["name", "tags"])
        let name = try nonEmptyString(map.required("name"))
        let tagsField = try map.required("tags")
        let tags = try nonEmptyStrings(tagsField)
        guard !tags.isEmpty else { throw error(tagsField, "must list at least one tag") }
        return adding ? .tagDroplet(name: name, tags: tags) : .untagDroplet(name: name, tags: tags)
    }
}

extension WorldBuilder {
    /// A timeline droplet is created at the event's instant, so `createdAt` is for world droplets.
    func createDroplet(_ droplet: DropletSpec, createdAt: Timestamp?) throws {
        try fake.createDroplet(name: droplet.name, size: droplet.size, region: droplet.region, tags: droplet.tags,
                               poweredOn: droplet.status == .active, createdAt: createdAt, project: droplet.project)
    }

    func applyDropletAction(_ action: ScenarioAction) throws {
        switch action {
        case .resizeDroplet(let name, let size): try fake.resizeDroplet(name: name, size: size)
        case .powerOffDroplet(let name): try fake.powerOffDroplet(name: name)
        case .powerOnDroplet(let name): try fake.powerOnDroplet(name: name)
        case .renameDroplet(let name, let to): try fake.renameDroplet(name: name, to: to)
        case .tagDroplet(let name, let tags): try fake.tagDroplet(name: name, tags: tags)
        case .untagDroplet(let name, let tags): try fake.untagDroplet(name: name, tags: tags)
        case .destroyDroplet(let name): try fake.destroyDroplet(name: name)
        default: preconditionFailure("\(action.kind.rawValue) is not a droplet action")
        }
    }
}
