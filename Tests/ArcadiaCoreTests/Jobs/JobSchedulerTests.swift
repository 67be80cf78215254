import DigitalOcean
import FakeDigitalOcean
import GRDB
import MoneyAndTime
import Synchronization
import Testing
@testable import ArcadiaCore

/// The service's scheduler in virtual time: its clock moves only when it sleeps, by exactly the
/// wait it asked for, and a wait that would reach `end` ends it (as a shutdown does).
final class VirtualTime: Sendable {
    private let current: Mutex<Timestamp>
    private let waits = Mutex<[Duration]>([])
    let end: Timestamp
    let fake: FakeDigitalOcean

    init(start: Timestamp, end: Timestamp, fake: FakeDigitalOcean) {
        current = Mutex(start)
        self.end = end
        self.fake = fake
        fake.advance(to: start)
    }

    var now: Timestamp { current.withLock { $0 } }
    var clock: EngineClock { EngineClock { [self] in now } }
    var sleeps: Int { waits.withLock { $0.count } }

    var sleeper: Sleeper {
        Sleeper { [self] duration in
            waits.withLock { $0.append(duration) }
            let target = now + duration.components.seconds
            guard target < end else { throw CancellationError() }
            current.withLock { $0 = target }
            fake.advance(to: target)
        }
    }
}

@Suite struct JobSchedulerTests {
    let ledger = try! Ledger()
    let fake = FakeDigitalOcean(seed: 5, start: Timestamp(year: 2026, month: 3, day: 1))

    init() throws {
        try fake.createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: nil)
    }

    func scheduler(_ time: VirtualTime) -> JobScheduler {
        let runner = JobRunner(client: DigitalOceanClient(transport: fake.transport, token: FakeDigitalOcean.defaultToken),
                               ledger: ledger, clock: time.clock)
        return JobScheduler(runner: runner, ledger: ledger, clock: time.clock, sleeper: time.sleeper)
    }

    func runs(_ job: JobID? = nil) throws -> [JobRun] {
        try ledger.writer.read { try JobRunQuery(job: job, page: PageRequest(limit: 10_000)).fetch($0).items }
    }

    func seed(_ job: JobID, scheduledAt: Timestamp, outcome: JobRun.Outcome = .succeeded) throws {
        try ledger.writer.write { db in
            try JobRun(job: job, scheduledAt: scheduledAt, startedAt: scheduledAt, finishedAt: scheduledAt, outcome: outcome, summary: "seeded")
                .insert(db)
        }
    }

    @Test func aJobThatNeverRanRunsAtOnceThenOnItsSchedule() async throws {
        let start = Timestamp(year: 2026, month: 4, day: 1, hour: 12, minute: 34)
        let time = VirtualTime(start: start, end: start + 3_600, fake: fake)
        try await scheduler(time).run()
        let all = try runs()
        #expect(Set(all.filter { $0.scheduledAt == start }.map(\.job)) == Set(JobID.allCases), "every job ran at once")
        #expect(all.filter { $0.scheduledAt == start }.map(\.job) == JobTable.production.map(\.job), "in table order")
        #expect(try runs(.syncDroplets).map(\.scheduledAt.iso8601)
            == ["2026-04-01T12:34:00Z", "2026-04-01T12:45:00Z", "2026-04-01T13:00:00Z", "2026-04-01T13:15:00Z", "2026-04-01T13:30:00Z"])
        #expect(try runs(.syncSnapshots).map(\.scheduledAt.iso8601) == ["2026-04-01T12:34:00Z", "2026-04-01T13:33:00Z"], "hourly at :33")
        #expect(try runs(.costBalance).map(\.scheduledAt.iso8601) == ["2026-04-01T12:34:00Z", "2026-04-01T13:07:00Z"])
        #expect(all.allSatisfy { $0.outcome == .succeeded && $0.startedAt == $0.scheduledAt })
        #expect(try runs(.syncDroplets).first?.summary == "listed 1 in 1 page(s): 1 created, 0 changed, 0 revived, 0 missed, 0 stale")
        #expect(try await ledger.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cloud_resources") } == 1)
    }

    @Test func aRestartRunsOnlyWhatIsOverdue() async throws {
        let start = Timestamp(year: 2026, month: 4, day: 1, hour: 12, minute: 50)
        try seed(.syncDroplets, scheduledAt: Timestamp(year: 2026, month: 4, day: 1, hour: 12, minute: 45))
        try seed(.costBalance, scheduledAt: Timestamp(year: 2026, month: 4, day: 1, hour: 11, minute: 7))
        try seed(.revenueMetering, scheduledAt: Timestamp(year: 2026, month: 4, day: 1, hour: 1, minute: 10))
        let time = VirtualTime(start: start, end: start + 60, fake: fake)
        try await scheduler(time).run()
        let atStart = try runs().filter { $0.summary != "seeded" }.map(\.job)
        #expect(!atStart.contains(.syncDroplets), "ran at 12:45, next at 13:00")
        #expect(!atStart.contains(.revenueMetering), "ran today at 01:10")
        #expect(atStart.contains(.costBalance), "12:07 was missed")
        #expect(atStart.contains(.syncVolumes), "never ran")
    }

    @Test func oneCatchUpRunCoversEveryMissedDayAndMonth() async throws {
        let start = Timestamp(year: 2026, month: 4, day: 5, hour: 12)
        try seed(.revenueMetering, scheduledAt: Timestamp(year: 2026, month: 4, day: 2, hour: 1, minute: 10))
        try seed(.revenueRollup, scheduledAt: Timestamp(year: 2026, month: 2, day: 1, hour: 3))
        // A failed run is no success: the catch-up counts from the last success.
        try seed(.revenueRollup, scheduledAt: Timestamp(year: 2026, month: 3, day: 1, hour: 3), outcome: .failed)
        let time = VirtualTime(start: start, end: start + 60, fake: fake)
        try await scheduler(time).run()
        let metering = try runs(.revenueMetering).filter { $0.summary != "seeded" }
        #expect(metering.count == 1)
        #expect(metering.first?.summary.split(separator: "\n").map { String($0.prefix(14)) }
            == ["day 2026-04-02", "day 2026-04-03", "day 2026-04-04"])
        let rollup = try runs(.revenueRollup).filter { $0.summary != "seeded" }
        #expect(rollup.map(\.summary) == ["2026-02: no tenants\n2026-03: no tenants"])
    }

    /// A droplet destroyed while the service was down was known missing only from the first
    /// listing after the restart, and billed until then: every deploy over-billed such resources
    /// by up to the downtime. The missed listings count as an outage, as failed ones do.
    @Test func aDropletDestroyedWhileTheServiceWasDownIsMissingFromTheFirstListingMissed() async throws {
        let start = Timestamp(year: 2026, month: 4, day: 1, hour: 12)
        // Up until 13:00 (its last listing at 12:45), down until 20:00; web-1 goes at 15:00.
        try await scheduler(VirtualTime(start: start, end: start + 3_600, fake: fake)).run()
        fake.advance(to: start + 3 * 3_600)
        try fake.destroyDroplet(name: "web-1")
        let restart = start + 8 * 3_600
        try await scheduler(VirtualTime(start: restart, end: restart + 60, fake: fake)).run()
        let since = try await ledger.read { try Timestamp.fetchOne($0, sql: "SELECT missing_since FROM cloud_resources WHERE name = 'web-1'") }
        #expect(since == start + 3_600, "the first listing the service missed, 13:00, not the restart at 20:00")
        #expect(try await ledger.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cloud_listing_outages") } == 0, "the listing ended it")
    }

    @Test func aFailingJobIsRecordedAndRetriedAtItsNextFiringWithoutStoppingTheOthers() async throws {
        let start = Timestamp(year: 2026, month: 4, day: 1, hour: 12)
        fake.injectFault(path: "/v2/droplets", page: nil, status: 500, times: 1)
        let time = VirtualTime(start: start, end: start + 1_200, fake: fake)
        try await scheduler(time).run()
        let droplets = try runs(.syncDroplets)
        #expect(droplets.map(\.outcome) == [.failed, .succeeded])
        #expect(droplets.first?.summary.contains("500") == true)
        #expect(droplets.last?.scheduledAt == Timestamp(year: 2026, month: 4, day: 1, hour: 12, minute: 15))
        #expect(try runs().filter { $0.scheduledAt == start }.count == JobTable.production.count, "the others ran at 12:00")
        #expect(try runs(.syncVolumes).map(\.outcome) == [.succeeded, .succeeded])
    }

    @Test func aStopRequestEndsTheLoopBeforeTheNextRun() async throws {
        let start = Timestamp(year: 2026, month: 4, day: 1, hour: 12)
        let time = VirtualTime(start: start, end: start + 86_400, fake: fake)
        var scheduler = scheduler(time)
        let started = Mutex(0)
        scheduler.isStopping = { started.withLock { $0 += 1; return $0 > 3 } }
        try await scheduler.run()
        #expect(try runs().count == 3)
        #expect(time.sleeps == 0)
    }
}
