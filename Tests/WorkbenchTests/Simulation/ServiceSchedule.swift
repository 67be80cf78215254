import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime
@testable import Workbench

/// A scenario played the way the production runtime plays it: the service's `JobScheduler` (what
/// `serve --schedule` runs) against the fake, in virtual time, its sleeper playing the scenario's
/// timeline (world and platform side) as time passes, timeline events before jobs at the same
/// instant, as the simulator's tie rule says.
enum ServiceSchedule {
    /// With `upTimes` nil the service was already up at `clock.start` (it is told it ran every job
    /// just before), so its first runs are the table's first firings, as in the simulator. Else the
    /// service runs only within each range: it starts on a fresh ledger at the first range's start
    /// and restarts at each later one, running every job at once as the service does, so its syncs
    /// fall off the table's quarter-hours; the timeline plays on while it is down.
    ///
    /// `table` is the production table unless a test needs only some of its jobs (a month of every
    /// job, unelided, is minutes on the shared 2-core machine).
    static func run(_ scenario: Scenario, upTimes: [ClockRange]? = nil, table: [ScheduledJob] = JobTable.production) async throws -> (Ledger, [JobRun]) {
        let rig = try PlatformRig(scenario)
        let (fake, clock, ledger, runner, platform) = (rig.fake, rig.clock, rig.ledger, rig.runner, rig.platform)
        let world = rig.world
        if upTimes == nil {
            let justBefore = scenario.clock.start - 1
            try await ledger.writer.write { db in
                for scheduled in table {
                    try JobRun(job: scheduled.job, scheduledAt: justBefore, startedAt: justBefore, finishedAt: justBefore, outcome: .succeeded,
                               summary: "the service was up").insert(db)
                }
            }
        }
        let timeline = TimelineDriver(scenario: scenario, clock: clock, fake: fake, world: world, platform: platform)
        for up in upTimes ?? [scenario.clock] {
            try await timeline.play(through: up.start)
            await timeline.moveTo(up.start)
            await timeline.stop(at: up.end)
            let scheduler = JobScheduler(runner: runner, ledger: ledger, table: table, clock: clock.engineClock,
                                         sleeper: Sleeper { duration in try await timeline.advance(by: duration) })
            try await scheduler.run()
        }
        try await timeline.play(through: scenario.clock.end - 1)
        let runs = try await ledger.writer.read { try JobRunQuery(page: PageRequest(limit: 100_000)).fetch($0).items }
        return (ledger, runs.filter { $0.scheduledAt >= scenario.clock.start })
    }
}

/// The scenario's timeline as the scheduler's sleeper: each wait moves virtual time, playing the
/// events it passes; a wait reaching the stop plays up to it and ends the scheduler.
private actor TimelineDriver {
    let scenario: Scenario
    let clock: VirtualClock
    let fake: FakeDigitalOcean
    var world: WorldBuilder
    let platform: Platform
    var next = 0
    var stop: Timestamp

    init(scenario: Scenario, clock: VirtualClock, fake: FakeDigitalOcean, world: WorldBuilder, platform: Platform) {
        self.scenario = scenario
        self.clock = clock
        self.fake = fake
        self.world = world
        self.platform = platform
        stop = scenario.clock.end
    }

    func stop(at time: Timestamp) { stop = time }

    func moveTo(_ time: Timestamp) {
        clock.set(time)
        fake.advance(to: time)
    }

    func advance(by duration: Duration) async throws {
        let target = clock.now + duration.components.seconds
        guard target < stop else {
            try await play(through: stop - 1)
            throw CancellationError()
        }
        try await play(through: target)
        moveTo(target)
    }

    func play(through time: Timestamp) async throws {
        while next < scenario.timeline.count, scenario.timeline[next].at <= time {
            let event = scenario.timeline[next]
            moveTo(event.at)
            try world.apply(event)
            var summary = RunSummary()
            try await platform.apply(event, summary: &summary)
            next += 1
        }
    }
}
