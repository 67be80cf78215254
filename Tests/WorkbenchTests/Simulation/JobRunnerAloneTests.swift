import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean
import Testing
import WorkbenchTestSupport
@testable import Workbench

/// The simulator adds only virtual time and elision around `JobRunner`: a plain loop that steps
/// through every firing of the job table, applying the timeline by the documented tie rule and
/// handing each due job to the runner, must end with the simulator's ledgers. So what the goldens
/// check is what a production scheduler calling `JobRunner` would write.
@Suite struct JobRunnerAloneTests {
    @Test(arguments: ["droplet-lifecycle", "drift-resize-accept", "drift-ignore-expiry", "billing-resize-mid-month", "listing-faults",
                      "metering-droplet-hours", "revenue-month-end", "snapshots"])
    func aPlainLoopOverTheJobTableWritesTheSimulatorsLedgers(_ name: String) async throws {
        let scenario = try ScenarioFixtures.shipped(name)
        let simulated = try LedgerExport.export(try await Simulator().run(scenario).ledger)
        #expect(try await Self.runAlone(scenario) == simulated)
    }

    static func runAlone(_ scenario: Scenario) async throws -> [LedgerFile] {
        let rig = try PlatformRig(scenario)
        let (fake, clock, ledger, runner, platform) = (rig.fake, rig.clock, rig.ledger, rig.runner, rig.platform)
        var world = rig.world
        var summary = RunSummary()
        var pending = scenario.timeline[...]
        var now = scenario.clock.start
        while now < scenario.clock.end {
            clock.set(now)
            fake.advance(to: now)
            while let event = pending.first, event.at == now {
                try world.apply(event)
                try await platform.apply(event, summary: &summary)
                pending = pending.dropFirst()
            }
            for scheduled in JobTable.production where scheduled.schedule.firstFiring(atOrAfter: now) == now {
                _ = try await runner.run(scheduled.job)
            }
            let nextJob = JobTable.production.map { $0.schedule.nextFiring(after: now) }.min()!
            now = min(nextJob, pending.first?.at ?? nextJob)
        }
        return try LedgerExport.export(ledger)
    }
}
