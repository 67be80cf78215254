/// What the sync's upsert compares: a stored resource against a new observation of it.
extension CloudResource {
    struct FieldChange: Equatable {
        var field: String
        var old: String?
        var new: String?
    }

    /// The fields that differ, top-level fields first, then attributes by key. Attributes are
    /// compared as canonical text first, so the common unchanged case parses nothing.
    func changes(to observed: ObservedResource, attributesText observedText: String) -> [FieldChange] {
        var changes: [FieldChange] = []
        if name != observed.name { changes.append(FieldChange(field: "name", old: name, new: observed.name)) }
        if status != observed.status { changes.append(FieldChange(field: "status", old: status, new: observed.status)) }
        if region != observed.region { changes.append(FieldChange(field: "region", old: region, new: observed.region)) }
        if sizeSlug != observed.sizeSlug { changes.append(FieldChange(field: "size_slug", old: sizeSlug, new: observed.sizeSlug)) }
        if attributesText != observedText {
            let old = attributes
            for key in Set(old.keys).union(observed.attributes.keys).sorted() where old[key] != observed.attributes[key] {
                changes.append(FieldChange(field: key, old: old[key]?.display, new: observed.attributes[key]?.display))
            }
        }
        return changes
    }
}
