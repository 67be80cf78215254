/// Volumes and reserved IPs in `world:`, and their timeline actions.
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

    func nameOnlyBody(_ body: YAMLField) throws(ScenarioError) -> String {
        try nonEmptyString(mapping(body, allowed: ["name"]).required("name"))
    }

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
