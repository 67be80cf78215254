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
            "opened_at": .string(openedAt.iso8601),
            "closed_at": .text(closedAt?.iso8601),
            "note": .text(note),
            "spec_version": .integer(specVersion),
        ])
    }
}
