import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import Yams

// Desired state and drift: `provision`, `accept_drift` and `drift_ignore:`, played by `Platform`
// and `JobRunner` (its ignore rules). Their specs, their YAML, and the validator's checks of them.

/// One `drift_ignore:` item: the engine's rule plus where it was written, for validator errors.
public struct DriftIgnoreSpec: Sendable, Equatable {
    public var rule: IgnoreRule
    public var location: ScenarioLocation?
    public init(rule: IgnoreRule, location: ScenarioLocation? = nil) {
        self.rule = rule
        self.location = location
    }
}

/// The drift parts of the format: `provision` and `accept_drift` timeline actions and the
/// top-level `drift_ignore:` rules (`docs/scenario-format.md`, `docs/drift.md`).
extension YAMLNodeReader {
    func provision(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["droplet", "spec"])
        let droplet = try nonEmptyString(map.required("droplet"))
        let specField = try map.required("spec")
        guard case .object(let spec) = try specValue(specField) else {
            throw error(specField, "expected a mapping of field names to desired values")
        }
        guard !spec.isEmpty else { throw error(specField, "must name at least one field") }
        return .provision(droplet: droplet, spec: spec)
    }

    func acceptDrift(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["droplet", "field"])
        return .acceptDrift(droplet: try nonEmptyString(map.required("droplet")), field: try nonEmptyString(map.required("field")))
    }

    func driftIgnoreRules(_ field: YAMLField) throws(ScenarioError) -> [DriftIgnoreSpec] {
        var rules: [DriftIgnoreSpec] = []
        for item in try list(field) {
            rules.append(try driftIgnoreRule(item))
        }
        return rules
    }

    /// A selector part (`kind`, `name`, `tag`) is required so a rule cannot silently ignore a field
    /// on every resource; `reason` and `expires` are required so every rule is explained and revisited.
    private func driftIgnoreRule(_ item: YAMLField) throws(ScenarioError) -> DriftIgnoreSpec {
        let map = try mapping(item, allowed: ["rule", "kind", "name", "tag", "field", "reason", "expires"])
        let id = try nonEmptyString(map.required("rule"))
        let kind = try map.optional("kind").map(nonEmptyString).map(ResourceKind.init(rawValue:))
        let nameGlob = try map.optional("name").map(nonEmptyString)
        let tag = try map.optional("tag").map(nonEmptyString)
        guard kind != nil || nameGlob != nil || tag != nil else {
            throw ScenarioError(location: map.location, field: item.path,
                                message: "has no selector; add at least one of kind, name (a glob) or tag")
        }
        let rule = IgnoreRule(id: id, kind: kind, nameGlob: nameGlob, tag: tag,
                              field: try nonEmptyString(map.required("field")),
                              reason: try nonEmptyString(map.required("reason")),
                              expires: try time(map.required("expires")))
        return DriftIgnoreSpec(rule: rule, location: map.location)
    }

    /// A desired value as JSON, typed by how it is written: plain decimal integers, plain numbers
    /// and plain `true`/`false` keep their JSON type; everything else (quoted, `yes`, `0x10`) is a
    /// string. The comparison is loose anyway (`docs/drift.md`); typing only decides how the spec reads.
    func specValue(_ field: YAMLField) throws(ScenarioError) -> JSONValue {
        switch field.node {
        case .mapping(let pairs):
            var object: [String: JSONValue] = [:]
            for (keyNode, value) in pairs {
                let key = try nonEmptyString(YAMLField(node: keyNode, path: field.path))
                object[key] = try specValue(YAMLField(node: value, path: field.childPath(key)))
            }
            return .object(object)
        case .sequence:
            var items: [JSONValue] = []
            for item in try list(field) {
                items.append(try specValue(item))
            }
            return .array(items)
        case .scalar(let scalar):
            let text = try string(field)
            guard scalar.style == .plain else { return .string(text) }
            switch Resolver.default.resolveTag(of: field.node) {
            case .int: return Int64(text).map(JSONValue.int) ?? .string(text)
            case .float: return Double(text).map { $0.isFinite ? .number(text) : .string(text) } ?? .string(text)
            case .bool where text == "true" || text == "false": return .bool(text == "true")
            default: return .string(text)
            }
        case .alias:
            return .string(try string(field))
        }
    }
}

/// The validator's drift checks: ignore rules are unambiguous, and `accept_drift` names a live
/// droplet with a recorded spec that has that field. Whether a drift is actually open at that
/// instant depends on the sweeps, so the simulator reports that one when it plays the event.
extension ScenarioDryRun {
    /// The fields `provisioned: true` records (`docs/drift.md`).
    static let provisionedFields: Set<String> = ["size_slug", "region", "tags"]

    func checkDriftIgnore() throws(ScenarioError) {
        var seen: [String: Int] = [:]
        for (index, item) in scenario.driftIgnore.enumerated() {
            if let first = seen[item.rule.id] {
                throw error("drift_ignore[\(index)].rule", near: item.location,
                            "drift_ignore[\(first)] is already named '\(item.rule.id)'; rule names appear in the drift ledger, so each must be unique")
            }
            seen[item.rule.id] = index
        }
    }

    mutating func recordProvision(_ name: String, _ spec: [String: JSONValue], field: String, near: ScenarioLocation?,
                                  when: Timestamp) throws(ScenarioError) {
        specFields[try liveDroplet(name, "\(field).droplet", near: near, when: when)] = Set(spec.keys)
    }

    func checkAcceptDrift(_ name: String, _ specField: String, field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        let id = try liveDroplet(name, "\(field).droplet", near: near, when: when)
        guard let fields = specFields[id] else {
            throw error("\(field).droplet", near: near,
                        "droplet '\(name)' has no recorded spec at \(when); provision it first (a provision event, or provisioned: true)")
        }
        guard fields.contains(specField) else {
            throw error("\(field).field", near: near,
                        "'\(specField)' is not in the spec of droplet '\(name)'; its fields: \(fields.sorted().joined(separator: ", "))")
        }
    }
}
