import ArcadiaCore
import Foundation
import GRDB
import TestSupport
import Testing
import Workbench

/// The floor writes exactly the run's rows, and the bench's JSON carries what a tracking script reads.
struct SQLiteFloorTests {
    func played() async throws -> Simulator.Result {
        let fleet = try FleetScenario.make(droplets: 12, days: 3, churnPerDay: 4, seed: 3)
        let ticks = Counter()
        return try await Simulator(options: .init(stopwatch: { ticks.next() })).run(fleet)
    }

    @Test func theFloorWritesEveryRowOfEveryTableOfTheLedger() async throws {
        let result = try await played()
        let ticks = Counter()
        // Batches of 7 rows: tables of more than one batch are read and written in several.
        let floor = try SQLiteFloor.measure(result.ledger, batch: 7, stopwatch: { ticks.next() })
        let counts = try result.ledger.rowCounts()
        #expect(floor.tables.map(\.name) == counts.map(\.table))
        #expect(floor.tables.map(\.rows) == counts.map(\.rows))
        #expect(floor.rows > 100, "the fleet wrote rows to copy: \(floor.rows)")
        // Each batch takes one tick of the counting stopwatch, so seconds count the batches.
        let batches = counts.reduce(0) { $0 + ($1.rows + 6) / 7 }
        #expect(floor.seconds == Double(batches))
    }

    @Test func theJSONHasTheFiguresATrackingScriptReads() async throws {
        let result = try await played()
        #expect(result.jobSeconds[.syncDroplets].map { $0 > 0 } == true, "jobs are timed with the stopwatch")
        let floor = try SQLiteFloor.measure(result.ledger, stopwatch: { 0 })
        let figures = BenchFigures(fleet: .init(droplets: 12, days: 3, churn: 4, seed: 3, elided: true), wallSeconds: 2,
                                   userSeconds: 1.5, peakRSSBytes: 1 << 20, result: result, floor: floor)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(figures.json().utf8)) as? [String: Any])
        for key in ["wall_seconds", "user_seconds", "peak_rss_bytes", "rows", "floor_seconds", "floor_ratio", "job_seconds"] {
            #expect(json[key] != nil, "\(key)")
        }
        #expect((json["rows"] as? [String: Int])?["cloud_resources"] == floor.tables.first { $0.name == "cloud_resources" }?.rows)
        #expect(json["peak_rss_bytes"] as? Int == 1 << 20)
    }
}

/// With deployments, metering and the month-end rollup do real work, and the figures set their
/// time against the floor of the rows they write.
struct RevenueBenchTests {
    @Test func aRevenueFleetMetersRollsUpAndIsMeasuredAgainstItsOwnRows() async throws {
        let book = try PriceBookParser.load(path: RepoPaths.root().appendingPathComponent("pricebooks/standard-2026.yaml").path)
        let revenue = FleetScenario.Revenue(deployments: 4, granularity: .daily, book: PriceBookSpec(book: book, source: "standard"))
        // Over the end of January: one rollup.
        let fleet = try FleetScenario.make(droplets: 10, days: 33, churnPerDay: 1, seed: 5, revenue: revenue)
        let ticks = Counter()
        let result = try await Simulator(options: .init(stopwatch: { ticks.next() })).run(fleet)
        let counts = Dictionary(uniqueKeysWithValues: try result.ledger.rowCounts().map { ($0.table, $0.rows) })
        #expect(counts["tenant_invoices"] == 2, "January's invoice for each of the two tenants")
        #expect((counts["usage_records"] ?? 0) >= 10 * 31, "a daily record per droplet per metered day: \(counts)")
        let floor = try SQLiteFloor.measure(result.ledger, stopwatch: { ticks.next() })
        let figures = BenchFigures(fleet: .init(droplets: 10, days: 33, churn: 1, seed: 5, elided: true, deployments: 4, granularity: "daily"),
                                   wallSeconds: 2, userSeconds: 1, peakRSSBytes: 1, result: result, floor: floor)
        #expect(figures.revenueSeconds == (result.jobSeconds[.revenueMetering] ?? 0) + (result.jobSeconds[.revenueRollup] ?? 0))
        let revenueTables = floor.tables.filter { ["usage_records", "metering_deferred_days", "tenant_invoices", "tenant_invoice_lines"].contains($0.name) }
        #expect(figures.revenueFloorSeconds == revenueTables.map(\.seconds).reduce(0, +) && figures.revenueFloorSeconds > 0)
        #expect(figures.revenueFloorRatio == figures.revenueSeconds / figures.revenueFloorSeconds)
    }
}

/// A stopwatch that advances one second per reading.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0.0
    func next() -> Double { lock.withLock { value += 1; return value } }
}
