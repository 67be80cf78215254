extension ConsoleReport {
    /// `; usage: 86 records`, or nothing for a run that metered nothing (no deployments), so
    /// scenarios without tenants keep their one-line summary.
    static func usageCounts(_ summary: RunSummary) -> String {
        summary.usageRecordsWritten == 0 ? "" : "; usage: \(summary.usageRecordsWritten == 1 ? "1 record" : "\(summary.usageRecordsWritten) records")"
    }
}
