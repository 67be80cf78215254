import ArcadiaCore
import DigitalOcean
import GRDB
import Testing
import WorkbenchTestSupport
@testable import Workbench

/// The drift scenarios through the simulator: elision stays unobservable, and the inbox's errors
/// reach the scenario author with the event's location.
@Suite struct DriftSimulationTests {
    static let scenarios = ["drift-resize-accept", "drift-fixed-elsewhere", "drift-tags-reordered", "drift-ignore-expiry"]

    @Test(arguments: scenarios)
    func elidingSweepsAndSyncsChangesNoLedger(name: String) async throws {
        let scenario = try ScenarioFixtures.shipped(name)
        let elided = try await Simulator(options: .init(elideSettledRuns: true)).run(scenario)
        let full = try await Simulator(options: .init(elideSettledRuns: false)).run(scenario)
        #expect(try LedgerExport.export(elided.ledger) == LedgerExport.export(full.ledger))
        #expect(elided.summary.driftSweepsElided > 0)
        #expect(full.summary.driftSweepsElided == 0)
        #expect(elided.summary.drift == full.summary.drift)
    }

    @Test func aSweepRunsWhenAnIgnoreRuleExpiresEvenIfTheLedgerIsQuiet() async throws {
        let result = try await Simulator().run(try ScenarioFixtures.shipped("drift-ignore-expiry"))
        var expected = DriftCounts()
        expected.open = 2
        expected.ignored = 2
        #expect(result.summary.drift == expected)
        let opened = try await result.ledger.writer.read { db in
            try String.fetchAll(db, sql: "SELECT opened_at FROM cloud_drift WHERE status = 'open' ORDER BY opened_at")
        }
        #expect(opened == ["2026-04-01T03:20:00Z", "2026-04-01T12:20:00Z"])
    }

    @Test func acceptingBeforeAnySweepFoundTheDriftFailsAtTheEvent() async throws {
        let yaml = """
            scenario: early-accept
            seed: 3
            clock: {start: 2026-04-01T00:00:00Z, end: 2026-04-01T03:00:00Z}
            world:
              droplets: [{name: web-1, size: s-1vcpu-1gb, region: syd1, provisioned: true}]
            timeline:
              - at: 2026-04-01T01:05:00Z
                resize_droplet: {name: web-1, size: s-1vcpu-2gb}
              - at: 2026-04-01T01:18:00Z
                accept_drift: {droplet: web-1, field: size_slug}
            """
        let scenario = try ScenarioParser.parse(yaml: yaml, file: "early.yaml")
        await #expect {
            _ = try await Simulator().run(scenario)
        } throws: { error in
            guard let error = error as? SimulationError else { return false }
            // The droplet by its scenario name, not the provider id the fake drew (issue 16).
            return error.location?.line == 9
                && error.field == "timeline[1].accept_drift"
                && error.message == "at 2026-04-01T01:18:00Z, droplet 'web-1' has no open drift on size_slug; it never drifted"
        }
    }

    @Test func theConsoleLineCountsDriftByStatus() async throws {
        var summary = RunSummary()
        summary.drift.open = 2
        summary.drift.ignored = 1
        #expect(ConsoleReport.driftCounts(summary) == "; drift: 2 open, 0 accepted, 0 stale, 1 ignored")
        #expect(ConsoleReport.driftCounts(RunSummary()) == "")
    }
}
