import ArcadiaCore
import DigitalOcean
import Testing
import WorkbenchTestSupport
@testable import Workbench

/// Metering and tenancy played through the simulator.
@Suite struct MeteringSimulationTests {
    func export(_ scenario: Scenario, elide: Bool = true) async throws -> (files: [LedgerFile], summary: RunSummary) {
        let result = try await Simulator(options: .init(elideSettledRuns: elide)).run(scenario)
        return (try LedgerExport.export(result.ledger), result.summary)
    }

    @Test func reMeteringEndedDaysChangesNoLedger() async throws {
        let scenario = try ScenarioFixtures.shipped("metering-rerun-idempotent")
        var withoutReruns = scenario
        withoutReruns.timeline.removeAll { if case .meterUsage = $0.action { true } else { false } }
        #expect(withoutReruns.timeline.count == scenario.timeline.count - 2)
        let rerun = try await export(scenario)
        let plain = try await export(withoutReruns)
        #expect(rerun.files == plain.files)
        #expect(rerun.summary.usageRecordsWritten == plain.summary.usageRecordsWritten)
    }

    @Test func theJobMetersEachEndedDayOnceAt0110() async throws {
        let (files, summary) = try await export(try ScenarioFixtures.shipped("metering-droplet-hours"))
        // 01:10 on May 1 … June 1: 32 runs; the first meters April 30, before anything was seen.
        #expect(summary.meteringRuns == 32)
        let usage = try #require(files.first { $0.name == "usage.tsv" }).content.split(separator: "\n").dropFirst()
        #expect(summary.usageRecordsWritten == usage.count)
        #expect(usage.allSatisfy { $0.hasSuffix("T01:10:00Z") })
        let monthly = try #require(files.first { $0.name == "usage_by_month.tsv" }).content
        #expect(monthly.contains("acme\tacme-prod\t2026-05\tdns_zones\t1\n"))
    }

    @Test func elidingSettledRunsChangesNoUsage() async throws {
        let scenario = try ScenarioFixtures.shipped("metering-rerun-idempotent")
        let elided = try await export(scenario, elide: true)
        let full = try await export(scenario, elide: false)
        #expect(elided.files == full.files, "elision must be unobservable")
    }
}
