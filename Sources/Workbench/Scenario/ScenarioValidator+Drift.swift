import DigitalOcean

/// The validator's drift checks: ignore rules are unambiguous, and `accept_drift` names a live
/// droplet with a recorded spec that has that field. Whether a drift is actually open at that
/// instant depends on the sweeps, so the simulator reports that one when it plays the event.
extension ValidationWalk {
    /// The fields `provisioned: true` records (`docs/drift.md`).
    static let provisionedFields: Set<String> = ["size_slug", "region", "tags"]

    mutating func recordProvisioned(_ droplet: DropletSpec) {
        specFields[droplet.name] = droplet.provisioned ? Self.provisionedFields : nil
    }

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

    func checkAcceptDrift(_ name: String, _ specField: String, field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        _ = try liveDroplet(name, "\(field).droplet", near: near, when: when)
        guard let fields = specFields[name] else {
            throw error("\(field).droplet", near: near,
                        "droplet '\(name)' has no recorded spec at \(when); provision it first (a provision event, or provisioned: true)")
        }
        guard fields.contains(specField) else {
            throw error("\(field).field", near: near,
                        "'\(specField)' is not in droplet '\(name)''s spec; its fields: \(fields.sorted().joined(separator: ", "))")
        }
    }
}
