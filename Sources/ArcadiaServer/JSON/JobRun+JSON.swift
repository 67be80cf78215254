import ArcadiaCore

extension JobRun {
    var json: JSONValue {
        .object([
            "id": .integer(id),
            "job": .string(job.rawValue),
            "scheduled_at": .string(scheduledAt.iso8601),
            "started_at": .string(startedAt.iso8601),
            "finished_at": .string(finishedAt.iso8601),
            "outcome": .string(outcome.rawValue),
            "summary": .string(summary),
        ])
    }
}
