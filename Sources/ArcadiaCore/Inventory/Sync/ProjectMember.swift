import DigitalOcean

/// One entry of a project's resource listing, its URN read once: a memoized client hands back
/// the same value while the entry's bytes stay the same, so a pass over an unchanged project
/// parses nothing.
struct ProjectMember: Sendable {
    var urn: String
    /// The kind and DO id the URN names; nil for a URN that is not `do:type:id`.
    var resource: (kind: ResourceKind, providerID: String)?
    /// The URN's type when the URN table does not know it.
    var unknownType: String?
    /// What discovery records for a kind no worker lists (`ProjectDiscovery`).
    var placeholder: ObservedResource?

    init(_ listed: ProjectResource) {
        urn = listed.urn
        guard let parsed = URNKinds.parse(listed.urn) else { return }
        let (kind, known) = URNKinds.kind(forURNType: parsed.type)
        resource = (kind, parsed.id)
        if !known { unknownType = parsed.type }
        placeholder = ProjectDiscovery.placeholder(urn: listed.urn, type: parsed.type, id: parsed.id)
    }
}
