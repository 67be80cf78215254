import Foundation
import Workbench

/// The bench's figures for people: the run, where its time went, and how far above SQLite's floor.
enum BenchRendering {
    static func text(_ figures: BenchFigures, floor: SQLiteFloor) -> String {
        let fleet = figures.fleet
        var lines = [
            "fleet:              \(fleet.droplets) droplets\(fleet.backups > 0 ? " (\(fleet.backups) with backups)" : ""), \(fleet.days) virtual days, \(fleet.churn) events/day, seed \(fleet.seed)\(fleet.elided ? "" : ", no elision")",
            "revenue:            " + (fleet.granularity.map { "\(fleet.deployments) deployments, metered \($0)" } ?? "none (--deployments 0)"),
            "wall time:          \(seconds(figures.wallSeconds)) (user \(seconds(figures.userSeconds)), peak memory \(figures.peakRSSBytes / 1_048_576) MiB)",
            "virtual days/s:     \(String(format: "%.1f", Double(fleet.days) / max(figures.wallSeconds, 1e-9)))",
            "timeline events:    \(figures.timelineEvents)",
            "worker runs:        \(figures.jobRuns) run, \(figures.jobRunsElided) elided",
            "requests served:    \(figures.requestsServed)",
            "SQLite floor:       \(seconds(figures.floorSeconds)) to write the same \(floor.rows) rows; the run is \(String(format: "%.1f", figures.floorRatio))× the floor",
        ]
        if fleet.granularity != nil {
            lines.append("metering + rollup:  \(seconds(figures.revenueSeconds)), \(String(format: "%.1f", figures.revenueFloorRatio))× the floor of the rows they write (\(seconds(figures.revenueFloorSeconds)))")
        }
        var jobs = [["job", "runs", "seconds"]]
        for (job, spent) in figures.jobSeconds.sorted(by: { $0.key < $1.key }) {
            jobs.append([job, String(figures.jobRunCounts[job] ?? 0), String(format: "%.3f", spent)])
        }
        var tables = [["table", "rows", "floor s"]]
        for table in floor.tables where table.rows > 0 { tables.append([table.name, String(table.rows), String(format: "%.3f", table.seconds)]) }
        lines += ["", ReportTable.aligned(jobs, textColumns: 1), ReportTable.aligned(tables, textColumns: 1)]
        return lines.joined(separator: "\n")
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
}
