/// Tags as things of their own, not only as labels on droplets and volumes: DO's `POST /v2/tags`
/// makes one with no resources, and `DELETE /v2/tags/{name}` deletes it and takes it off every
/// resource. The scenario actions `create_tag` and `delete_tag` do the same.
extension FakeWorld {
    /// DO's rule for tag names: letters, digits, colons, dashes and underscores, at most 255 characters.
    static func checkTagName(_ name: String) throws(FakeWorldError) {
        let allowed = name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || ":-_".unicodeScalars.contains($0) }
        guard !name.isEmpty, name.count <= 255, allowed else {
            throw .invalidArgument("tag name '\(name)' must be 1 to 255 letters, digits, colons, dashes and underscores")
        }
    }

    /// Whether `name` is a tag: created on its own or carried by a live droplet or volume.
    func tagExists(_ name: String) -> Bool {
        createdTags.contains(name) || droplets.values.contains { $0.tags.contains(name) } || volumes.contains { $0.tags.contains(name) }
    }

    /// False when the tag already existed (DO answers with it again; nothing changes).
    mutating func createTag(name: String) throws(FakeWorldError) -> Bool {
        try Self.checkTagName(name)
        guard !createdTags.contains(name) else { return false }
        bumpRevision()
        createdTags.append(name)
        createdTags.sort()
        return true
    }

    /// The tag is gone, from every droplet and volume that carried it too.
    mutating func deleteTag(name: String) throws(FakeWorldError) {
        guard tagExists(name) else { throw .unknown(.tag, name) }
        bumpRevision()
        createdTags.removeAll { $0 == name }
        for id in dropletOrder where droplets[id]!.tags.contains(name) {
            try untagDroplet(name: droplets[id]!.name, tags: [name])
        }
        for index in volumes.indices {
            volumes[index].tags.removeAll { $0 == name }
        }
    }
}
