/// A job run in a few words, for the `job_runs` table and the service log.
extension JobOutcome {
    public var summary: String {
        switch self {
        case .sync(let report):
            let o = report.outcome
            return "listed \(report.listed) in \(report.pages) page(s): \(o.created) created, \(o.changed) changed, "
                + "\(o.revived) revived, \(o.missed) missed, \(o.markedStale) stale" + (report.complete ? "" : "; listing incomplete")
        case .balance(.success(let snapshot)):
            return "month-to-date usage \(snapshot.figures.monthToDateUsageCents) cents"
        case .balance(.failure):
            return "no balance snapshot"
        case .invoices(let report):
            return "\(report.listed) invoice(s) listed, \(report.ingested.count) ingested"
        case .drift(let report):
            return "\(report.resourcesChecked) resource(s) checked: \(report.opened) opened, \(report.updated) updated, "
                + "\(report.ignored) ignored, \(report.closedStale) closed stale"
        case .metering(let report):
            return "day \(report.day.isoDate): \(report.written) record(s) written, \(report.pruned) pruned"
                + (report.skipped.isEmpty ? "" : ", \(report.skipped.count) resource(s) skipped")
                + (report.deferred == 0 ? "" : ", \(report.deferred) resource-day(s) deferred")
        case .rollup(let report):
            return report.summary.isEmpty ? "\(report.period): no tenants" : report.summary.joined(separator: "; ")
        case .issue(let report):
            return report.issued.isEmpty ? "no draft to issue" : "issued \(report.issued.joined(separator: ", "))"
                + (report.findings.isEmpty ? "" : "; \(report.findings.count) kept as drafts")
        }
    }
}
