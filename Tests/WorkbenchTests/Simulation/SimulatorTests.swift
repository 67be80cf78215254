import ArcadiaCore
import Foundation
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing
import WorkbenchTestSupport
@testable import Workbench

@Suite struct SimulatorTests {
    func export(_ scenario: Scenario, elide: Bool = true, memoize: Bool = true, keep: Bool = true,
                reuseBackups: Bool = true) async throws -> [LedgerFile] {
        var options = Simulator.Options(elideSettledRuns: elide)
        options.memoizeListings = memoize
        options.fakeKeepsResponses = keep
        options.reusesUnchangedBackupListings = reuseBackups
        let result = try await Simulator(options: options).run(scenario)
        return try LedgerExport.export(result.ledger)
    }

    @Test func theSameScenarioTwiceGivesByteIdenticalLedgers() async throws {
        let scenario = try ScenarioFixtures.shipped("droplet-lifecycle")
        let first = try await export(scenario)
        let second = try await export(scenario)
        #expect(first == second)
        #expect(first.first { $0.name == "events.tsv" }!.content.split(separator: "\n").count > 5)
    }

    @Test func everyShippedScenarioIsCovered() {
        #expect(ScenarioFixtures.shippedNames.count >= 29)
    }

    @Test(arguments: ScenarioFixtures.shippedNames)
    func elidingSettledRunsChangesNoLedger(_ name: String) async throws {
        let scenario = try ScenarioFixtures.shipped(name)
        let elided = try await export(scenario, elide: true)
        let full = try await export(scenario, elide: false)
        #expect(elided == full, "\(name): elision must be unobservable")
    }

    /// Each job's elision is keyed on the revision of what it reads (an invoice moves no sync; a
    /// droplet resized moves no projects sync): the fuzzer's generated worlds (volumes attached,
    /// snapshots, moves, faults) must leave the same ledgers with elision as without.
    @Test(arguments: [(UInt64(1), false), (2, false), (3, true), (4, true)])
    func elidingSettledRunsChangesNoLedgerOfAGeneratedWorld(_ seed: UInt64, _ faults: Bool) async throws {
        let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: faults)
        #expect(try await export(scenario, elide: true) == (try await export(scenario, elide: false)), "seed \(seed)")
    }

    @Test(arguments: ScenarioFixtures.shippedNames)
    func decodingOnlyChangedListingElementsChangesNoLedger(_ name: String) async throws {
        let scenario = try ScenarioFixtures.shipped(name)
        let memoized = try await export(scenario, memoize: true)
        let plain = try await export(scenario, memoize: false)
        #expect(memoized == plain, "\(name): the listing memo must be unobservable")
    }

    /// The fake's kept bytes (bodies, pages, droplet, project and resource JSON, spliced droplets)
    /// must be what it would make anew: the ledgers of every shipped scenario are the same without.
    @Test(arguments: ScenarioFixtures.shippedNames)
    func servingKeptResponsesChangesNoLedger(_ name: String) async throws {
        let scenario = try ScenarioFixtures.shipped(name)
        let kept = try await export(scenario, keep: true)
        let anew = try await export(scenario, keep: false)
        #expect(kept == anew, "\(name): the fake's kept responses must be unobservable")
    }

    /// A droplet's backups are asked for again only when its `backup_ids` changed: every shipped
    /// scenario's ledgers are the same as when each droplet's backups are listed every time.
    @Test(arguments: ScenarioFixtures.shippedNames)
    func reusingUnchangedBackupListingsChangesNoLedger(_ name: String) async throws {
        let scenario = try ScenarioFixtures.shipped(name)
        let reused = try await export(scenario, reuseBackups: true)
        let listed = try await export(scenario, reuseBackups: false)
        #expect(reused == listed, "\(name): reusing a droplet's unchanged backup listing must be unobservable")
    }

    /// The fuzzer's generated worlds without faults (a fault armed on a backups path is taken only
    /// by a worker that asks, so there the two may differ as they would against DO).
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func reusingUnchangedBackupListingsChangesNoLedgerOfAGeneratedWorld(_ seed: UInt64) async throws {
        let scenario = try ScenarioGenerator.fuzz(seed: seed, faults: false)
        #expect(try await export(scenario, reuseBackups: true) == (try await export(scenario, reuseBackups: false)), "seed \(seed)")
    }

    /// Backups appear and expire with no timeline event, as the fake's clock passes their times:
    /// the fake's revision must move, or a settled backups worker would be skipped past them.
    @Test func elidingSettledRunsChangesNoLedgerWhileBackupsComeAndGo() async throws {
        let start = Timestamp(year: 2026, month: 7, day: 1)
        let scenario = ScenarioFixtures.fleet(3, hours: 8 * 24 + 12, timeline: [
            TimelineEvent(at: start, action: .enableBackups(BackupsSpec(droplet: "node-1", plan: .daily, hour: 8))),
            TimelineEvent(at: start + 3_600, action: .takeSnapshot(SnapshotSpec(name: "node-2-pre", source: .droplet("node-2")))),
            TimelineEvent(at: start + 30 * 3_600, action: .deleteSnapshot(name: "node-2-pre")),
            TimelineEvent(at: start + 200 * 3_600, action: .disableBackups(name: "node-1")),
        ])
        let elided = try await export(scenario, elide: true)
        #expect(elided == (try await export(scenario, elide: false)))
        let inventory = try #require(elided.first { $0.name == "inventory.tsv" }).content
        #expect(inventory.components(separatedBy: "\ndroplet_backup\t").count - 1 == 8, "daily backups on July 1 … 8, then off")
        #expect(inventory.contains("\t2026-07-08T12:41:00Z\t"), "July 1's backup expired on July 8 at 09:44, stale at the third listing")
    }

    @Test func elisionSkipsRunsWhenTheWorldIsQuiet() async throws {
        let result = try await Simulator().run(ScenarioFixtures.fleet(3, hours: 24))
        // One run settles each 15-minute sync, each hourly image sync (snapshots, backups) and the
        // daily invoices job; the hourly balance snapshot always runs, because DO's month-to-date
        // figures move with time alone.
        let syncs = JobTable.production.filter { $0.schedule == .every(minutes: 15, offset: 0) }.count
        let hourlySyncs = JobTable.production.filter { $0.job.rawValue.hasPrefix("sync.") && $0.schedule != .every(minutes: 15, offset: 0) }.count
        #expect(syncs >= 4 && hourlySyncs == 2)
        #expect(result.summary.jobRuns == syncs + hourlySyncs + 1 + 24)
        #expect(result.summary.jobRunsElided == syncs * 96 - syncs + hourlySyncs * 24 - hourlySyncs)
    }

    @Test func aDestroyedDropletGoesStaleAtTheThirdMissedSync() async throws {
        let result = try await Simulator().run(try ScenarioFixtures.shipped("droplet-lifecycle"))
        let row = try result.ledger.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT stale_at, missed_listings, size_slug FROM cloud_resources WHERE name = 'web-1'")
        }
        #expect(row?["stale_at"] == "2026-04-02T09:30:00Z")
        #expect(row?["missed_listings"] == 3)
        #expect(row?["size_slug"] == "s-4vcpu-8gb")
    }

    @Test func aListingThatFailsOnPageTwoMarksNothingStale() async throws {
        let start = Timestamp(year: 2026, month: 7, day: 1)
        let scenario = ScenarioFixtures.fleet(210, hours: 1, timeline: [
            TimelineEvent(at: start + 60, action: .destroyDroplet(name: "node-3")),
            // 4 listings of /v2/droplets x 5 attempts (DO's retry policy): every retry of page 2
            // fails too. The droplet sync lists at :15, :30, :45; the backups worker at :41.
            TimelineEvent(at: start + 60, action: .fault(FaultSpec(path: "/v2/droplets", page: 2, status: 500, times: 20))),
        ])
        let result = try await Simulator().run(scenario)
        let (missed, failures) = try result.ledger.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT missed_listings FROM cloud_resources WHERE name = 'node-3'"),
             try Row.fetchAll(db, sql: "SELECT worker, page FROM cloud_sync_failures ORDER BY at, id"))
        }
        #expect(failures.map { $0["worker"] as String } == ["sync.droplets", "sync.droplets", "sync.backups", "sync.droplets"])
        #expect(failures.allSatisfy { $0["page"] == 2 })
        #expect(missed == 0, "three failed listings at :15, :30, :45 count no miss")
        #expect(result.summary.syncFailures.count == 4)
        #expect(result.summary.retries == 16)
    }

    @Test func retriesRecoverATransientFailureAndRecordNothing() async throws {
        let start = Timestamp(year: 2026, month: 7, day: 1)
        let scenario = ScenarioFixtures.fleet(210, hours: 1, timeline: [
            TimelineEvent(at: start + 60, action: .fault(FaultSpec(path: "/v2/droplets", page: 2, status: 503, times: 4))),
        ])
        let result = try await Simulator().run(scenario)
        let failures = try await result.ledger.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cloud_sync_failures") }
        #expect(failures == 0)
        #expect(result.summary.retries == 4)
        #expect(result.summary.retryWaitSeconds == 1 + 2 + 4 + 8, "godo's backoff: 1 s doubling")
    }

    /// The backups worker asks for 300 droplets' backups at :41, past DO's 250-a-minute burst
    /// limit. The client waits out the `retry-after`, and DO's limits must see that minute pass,
    /// though the run stays one instant of the world: every listing succeeds, as against DO.
    @Test func aRetryThatWaitsOutTheBurstLimitIsServed() async throws {
        let start = Timestamp(year: 2026, month: 7, day: 1)
        let scenario = ScenarioFixtures.fleet(300, hours: 9, timeline: (1...300).map {
            TimelineEvent(at: start, action: .enableBackups(BackupsSpec(droplet: "node-\($0)", plan: .daily, hour: 4)))
        })
        let result = try await Simulator().run(scenario)
        let (failures, backups) = try await result.ledger.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cloud_sync_failures"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cloud_resources WHERE kind = 'droplet_backup'"))
        }
        #expect(failures == 0)
        #expect(backups == 300, "each droplet's backup of July 1, taken in its 04:00–08:00 window")
        // At 00:41 the worker asks for all 300 droplets' backups: one 429, whose wait frees the
        // minute. From 04:41 it asks only for the droplets whose backup_ids changed, about 75 an hour.
        #expect(result.summary.retries == 1)
        #expect(result.summary.retryWaitSeconds == 60)
    }

    @Test func eventsAtTheSameInstantAsASyncAreSeenByIt() async throws {
        let result = try await Simulator().run(try ScenarioFixtures.shipped("droplet-lifecycle"))
        let changedAt = try await result.ledger.writer.read { db in
            try String.fetchOne(db, sql: """
                SELECT e.at FROM cloud_resource_events e JOIN cloud_resources r ON r.id = e.resource_id
                WHERE r.name = 'worker-1' AND e.field = 'status' AND e.new_value = 'active'
                """)
        }
        #expect(changedAt == "2026-04-01T16:30:00Z")
    }
}

/// Progress is reported once per virtual day, for a progress line; it changes nothing in a run.
@Suite struct SimulatorProgressTests {
    final class Days: @unchecked Sendable {
        var seen: [[Int]] = []
    }

    @Test func eachVirtualDayIsReportedOnceWithTheTotal() async throws {
        let days = Days()
        let lock = NSLock()
        let scenario = ScenarioFixtures.fleet(2, hours: 60)
        let options = Simulator.Options { done, total in lock.withLock { days.seen.append([done, total]) } }
        let reported = try await Simulator(options: options).run(scenario)
        #expect(days.seen == [[0, 3], [1, 3], [2, 3]])
        #expect(try LedgerExport.export(reported.ledger) == LedgerExport.export(try await Simulator().run(scenario).ledger))
    }
}
