import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean
import GRDB
import MoneyAndTime
import Testing
import WorkbenchTestSupport
@testable import Workbench

/// The service's scheduler, driven in virtual time, writes the ledger the simulator writes for the
/// same scenario: what the goldens check is what `serve --schedule` runs. Its sleeper plays the
/// scenario's timeline (world and platform side) as virtual time passes, timeline events before
/// jobs at the same instant, as the simulator's tie rule says.
@Suite struct SchedulerEquivalenceTests {
    /// Four days across the end of February 2026: hourly metering, the March 1 rollup, operators
    /// re-metering days and ending a subscription between the jobs. (A short scenario: the suite
    /// shares two cores.)
    @Test func theSchedulerAcrossAMonthBoundaryWritesTheSimulatorsLedger() async throws {
        let scenario = try ScenarioFixtures.shipped("metering-rerun-idempotent")
        #expect(BillingPeriod(containing: scenario.clock.start) != BillingPeriod(containing: scenario.clock.end - 1))
        let simulated = try LedgerExport.export(try await Simulator().run(scenario).ledger)
        let (ledger, runs) = try await Self.schedule(scenario)
        #expect(try LedgerExport.export(ledger) == simulated)
        #expect(runs.contains { $0.job == .revenueRollup && $0.scheduledAt == BillingPeriod(containing: scenario.clock.end - 1).start + 3 * 3_600 })
        // The scenario has no price book, so its rollup fails (and says why), as it does in the simulator.
        #expect(runs.filter { $0.outcome == .failed }.allSatisfy { $0.job == .revenueRollup && $0.summary.contains("no price book") })
        #expect(runs.filter { $0.job == .syncDroplets }.allSatisfy { $0.outcome == .succeeded })
    }

    /// Plays `scenario` through a `JobScheduler` whose sleeper is the scenario's timeline. The
    /// scheduler is told it ran every job just before `clock.start` (the service was already up),
    /// so its first runs are the table's first firings, as in the simulator.
    static func schedule(_ scenario: Scenario) async throws -> (Ledger, [JobRun]) {
        let fake = FakeDigitalOcean(seed: scenario.seed, start: scenario.clock.start)
        let clock = VirtualClock(start: scenario.clock.start)
        let ledger = try Ledger()
        var world = WorldBuilder(fake: fake)
        try world.build(scenario)
        let transport = RetryingTransport(fake.transport, policy: .godo, sleeper: RetryWaits().sleeper)
        let client = DigitalOceanClient(transport: transport, token: FakeDigitalOcean.defaultToken)
        let runner = JobRunner(client: client, ledger: ledger, clock: clock.engineClock, ignoreRules: scenario.driftIgnore.map(\.rule))
        let platform = Platform(runner: runner, tenancy: TenancyEngine(ledger: ledger, clock: clock.engineClock), fake: fake)
        try platform.setUp(scenario)
        let justBefore = scenario.clock.start - 1
        try await ledger.writer.write { db in
            for scheduled in JobTable.production {
                try JobRun(job: scheduled.job, scheduledAt: justBefore, startedAt: justBefore, finishedAt: justBefore, outcome: .succeeded,
                           summary: "the service was up").insert(db)
            }
        }
        let timeline = TimelineDriver(scenario: scenario, clock: clock, fake: fake, world: world, platform: platform)
        try await timeline.play(through: scenario.clock.start)
        let scheduler = JobScheduler(runner: runner, ledger: ledger, clock: clock.engineClock,
                                     sleeper: Sleeper { duration in try await timeline.advance(by: duration) })
        try await scheduler.run()
        let runs = try await ledger.writer.read { try JobRunQuery(page: PageRequest(limit: 100_000)).fetch($0).items }
        return (ledger, runs.filter { $0.scheduledAt >= scenario.clock.start })
    }
}

/// The scenario's timeline as the scheduler's sleeper: each wait moves virtual time, playing the
/// events it passes; a wait reaching `clock.end` plays the rest and ends the scheduler.
private actor TimelineDriver {
    let scenario: Scenario
    let clock: VirtualClock
    let fake: FakeDigitalOcean
    var world: WorldBuilder
    let platform: Platform
    var next = 0

    init(scenario: Scenario, clock: VirtualClock, fake: FakeDigitalOcean, world: WorldBuilder, platform: Platform) {
        self.scenario = scenario
        self.clock = clock
        self.fake = fake
        self.world = world
        self.platform = platform
    }

    func advance(by duration: Duration) async throws {
        let target = clock.now + duration.components.seconds
        guard target < scenario.clock.end else {
            try await play(through: scenario.clock.end - 1)
            throw CancellationError()
        }
        try await play(through: target)
        clock.set(target)
        fake.advance(to: target)
    }

    func play(through time: Timestamp) async throws {
        while next < scenario.timeline.count, scenario.timeline[next].at <= time {
            let event = scenario.timeline[next]
            clock.set(event.at)
            fake.advance(to: event.at)
            try world.apply(event)
            var summary = RunSummary()
            try await platform.apply(event, summary: &summary)
            next += 1
        }
    }
}
