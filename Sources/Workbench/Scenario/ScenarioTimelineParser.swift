import DigitalOcean

/// The `timeline:` list: each item is `at` plus exactly one action key.
extension YAMLNodeReader {
    /// In execution order: by `at`, ties in file order. The simulator plays the array as given, so
    /// the order is fixed here, once, rather than left to whichever sort a later stage picks.
    func timeline(_ field: YAMLField) throws(ScenarioError) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        for item in try list(field) {
            var event = try timelineEvent(item)
            event.fileIndex = events.count
            events.append(event)
        }
        return events.enumerated()
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
    }

    private func timelineEvent(_ item: YAMLField) throws(ScenarioError) -> TimelineEvent {
        let map = try mapping(item, allowed: ["at"] + ScenarioActionKind.keys)
        let actions = map.entries.compactMap { entry in
            ScenarioActionKind(rawValue: entry.key).map { (kind: $0, keyNode: entry.keyNode, value: entry.value) }
        }
        guard let action = actions.first else {
            throw error(item, "has no action; add exactly one of: \(ScenarioActionKind.keys.joined(separator: ", "))")
        }
        guard actions.count == 1 else {
            throw error(YAMLField(node: actions[1].keyNode, path: item.path),
                        "has more than one action (\(actions.map(\.kind.rawValue).joined(separator: ", "))); "
                            + "each timeline item takes exactly one: split it into items with the same 'at'")
        }
        let at = try time(map.required("at"))
        let body = YAMLField(node: action.value, path: item.childPath(action.kind.rawValue))
        return TimelineEvent(at: at, action: try self.action(action.kind, body), location: map.location)
    }
}
