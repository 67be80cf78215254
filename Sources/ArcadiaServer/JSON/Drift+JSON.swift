import ArcadiaCore

extension DriftInboxQuery.Drift {
    var json: JSONValue {
        .object([
            "id": .int(id),
            "resource": resource.json,
            "field": .string(field),
            "desired": desired,
            "live": live ?? .null,
            "status": .string(status.rawValue),
            "opened_at": .string(openedAt),
            "closed_at": .text(closedAt),
            "note": .text(note),
            "spec_version": .integer(specVersion),
        ])
    }
}
