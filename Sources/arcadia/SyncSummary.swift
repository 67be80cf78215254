import ArcadiaCore
import Foundation

/// What `arcadia sync` prints: a line per worker, then every failure. Built only from the reports,
/// which name requests by method, path and query, so the token cannot appear in it.
enum SyncSummary {
    static func render(_ reports: [SyncReport], api: URL) -> String {
        var out = "synced against \(api.absoluteString)\n"
        let header = ["worker", "listed", "pages", "created", "changed", "missed", "stale", "result"]
        var rows = [header]
        for report in reports {
            let o = report.outcome
            rows.append([report.job.rawValue, String(report.listed), String(report.pages), String(o.created), String(o.changed),
                         String(o.missed), String(o.markedStale), report.complete && report.failures.isEmpty ? "ok" : "FAILED"])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            out += zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces) + "\n"
        }
        let unknown = Set(reports.flatMap(\.attribution.unknownTypes)).sorted()
        if !unknown.isEmpty {
            out += "unknown URN types (kept under their own names): \(unknown.joined(separator: ", "))\n"
        }
        let failures = reports.flatMap { report in report.failures.map { "  \(report.job.rawValue): \($0)" } }
        if !failures.isEmpty {
            out += "failures (nothing was counted as missing for a failed listing):\n" + failures.joined(separator: "\n") + "\n"
        }
        return out
    }
}
