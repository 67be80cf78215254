extension ConsoleReport {
    /// `; drift: 1 open, 1 accepted, 0 stale, 2 ignored`, or nothing for a run without findings,
    /// so scenarios that provision nothing keep their one-line summary.
    static func driftCounts(_ summary: RunSummary) -> String {
        let drift = summary.drift
        guard drift.total > 0 else { return "" }
        let reverted = drift.reverted > 0 ? ", \(drift.reverted) reverted" : ""
        return "; drift: \(drift.open) open, \(drift.accepted) accepted, \(drift.stale) stale, \(drift.ignored) ignored\(reverted)"
    }
}
