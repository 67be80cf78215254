import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean
import Foundation
import GRDB
import MoneyAndTime
import Synchronization
import Testing

/// The snapshot and backup workers against the fake, through the real client.
@Suite struct ImageSyncTests {
    let start = Timestamp(year: 2026, month: 3, day: 1)
    let ledger = try! Ledger()

    func sync(_ fake: FakeDigitalOcean) -> InventorySync {
        InventorySync(client: DigitalOceanClient(transport: fake.transport, token: FakeDigitalOcean.defaultToken), ledger: ledger,
                      clock: EngineClock { fake.now })
    }

    func rows(_ kind: String) throws -> [Row] {
        try ledger.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM cloud_resources WHERE kind = ? ORDER BY id", arguments: [kind])
        }
    }

    func eventCount() throws -> Int? {
        try ledger.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cloud_resource_events") }
    }

    /// `web-1` (s-1vcpu-1gb) and a 100 GB volume `data`, both in syd1.
    func world() throws -> FakeDigitalOcean {
        let fake = FakeDigitalOcean(seed: 5, start: start)
        try fake.createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: nil)
        try fake.createDroplet(name: "web-2", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: nil)
        try fake.createVolume(name: "data", sizeGB: 100, region: "syd1", tags: [], project: nil)
        return fake
    }

    @Test func snapshotsAreOneKindKeepingResourceTypeAndTheExactSize() async throws {
        let fake = try world()
        try fake.takeDropletSnapshot(droplet: "web-1", name: "web-1-pre")
        try fake.takeVolumeSnapshot(volume: "data", name: "data-pre")
        let report = try await sync(fake).syncSnapshots()
        #expect(report.complete && report.listed == 2 && report.outcome.created == 2)
        let request = APIRequest(path: "/v2/snapshots", headers: ["authorization": "Bearer \(FakeDigitalOcean.defaultToken)"])
        let listed = String(decoding: fake.respond(to: request).body, as: UTF8.self)
        let stored = try rows("snapshot")
        #expect(stored.map { $0["name"] as String } == ["web-1-pre", "data-pre"])
        #expect(stored.map { $0["status"] as String } == ["available", "available"] && stored.allSatisfy { $0["region"] == "syd1" })
        let attributes = stored.map { $0["attributes"] as String }
        #expect(attributes[0].contains(#""resource_type":"droplet""#) && attributes[0].contains(#""min_disk_size":25"#))
        #expect(attributes[1].contains(#""resource_type":"volume""#) && attributes[1].contains(#""min_disk_size":100"#))
        for text in attributes {
            let size = try #require(text.split(separator: "\"size_gigabytes\":").last?.split(separator: ",").first)
            #expect(listed.contains("\"size_gigabytes\":\(size)"), "the ledger keeps DO's number text \(size)")
        }
    }

    @Test func aDeletedSnapshotGoesStaleAfterThreeCompleteListingsAndAFailedOneCountsNothing() async throws {
        let fake = try world()
        try fake.takeDropletSnapshot(droplet: "web-1", name: "web-1-pre")
        _ = try await sync(fake).syncSnapshots()
        try fake.deleteSnapshot(name: "web-1-pre")
        fake.injectFault(path: "/v2/snapshots", page: nil, status: 500, times: 1)
        let failed = try await sync(fake).syncSnapshots()
        #expect(!failed.complete && failed.failures.count == 1)
        for expected in [1, 2, 3] {
            fake.advance(to: fake.now + 3_600)
            _ = try await sync(fake).syncSnapshots()
            #expect(try rows("snapshot").first?["missed_listings"] == expected)
        }
        #expect(try rows("snapshot").first?["stale_at"] != nil as String?)
    }

    @Test func backupsAreListedForBackedUpDropletsOnlyWithTheirDroplet() async throws {
        let fake = try world()
        try fake.enableBackups(droplet: "web-1", plan: .daily, hour: 4)
        fake.advance(to: start + 3 * 86_400)
        let before = fake.requestCount
        let report = try await sync(fake).syncBackups()
        #expect(fake.requestCount - before == 2, "the droplet listing, then web-1's backups; web-2 has none to ask for")
        #expect(report.complete && report.listed == 3 && report.pages == 2)
        let stored = try rows("droplet_backup")
        let webID = try fake.dropletID(name: "web-1")
        #expect(stored.allSatisfy { ($0["attributes"] as String).contains(#""droplet_id":"\#(webID)""#) })
        #expect(stored.map { $0["name"] as String } == ["web-1- 2026-03-01", "web-1- 2026-03-02", "web-1- 2026-03-03"])
    }

    /// One worker asks for a droplet's backups again only when the droplet shows other
    /// `backup_ids`: a backup taken, or one deleted by the retention.
    @Test func aDropletsBackupsAreAskedForAgainOnlyWhenItsBackupIDsChange() async throws {
        let fake = try world()
        try fake.enableBackups(droplet: "web-1", plan: .daily, hour: 4)
        fake.advance(to: start + 3 * 86_400)
        let worker = sync(fake)
        _ = try await worker.syncBackups()
        var before = fake.requestCount
        let unchanged = try await worker.syncBackups()
        #expect(fake.requestCount - before == 1, "the droplet listing alone")
        #expect(unchanged.complete && unchanged.listed == 3 && unchanged.pages == 1 && unchanged.outcome.isQuiet)

        fake.advance(to: start + 4 * 86_400)
        before = fake.requestCount
        let taken = try await worker.syncBackups()
        #expect(fake.requestCount - before == 2, "March 4's backup changed web-1's backup_ids")
        #expect(taken.listed == 4 && taken.outcome.created == 1)

        fake.advance(to: start + 9 * 86_400)
        let expired = try await worker.syncBackups()
        #expect(expired.listed == 7 && expired.outcome.missed == 2, "seven daily backups kept: March 1 and 2 are gone")
    }

    /// A restarted service, a new worker on the same ledger, asks only for the droplets whose
    /// `backup_ids` changed since the ledger's last complete listing, and rewrites nothing.
    @Test func aRestartedWorkerAsksOnlyForTheBackupsThatChangedSinceTheLedgersListing() async throws {
        let fake = try world()
        try fake.enableBackups(droplet: "web-1", plan: .daily, hour: 4, sizeCentiGB: 236)
        try fake.enableBackups(droplet: "web-2", plan: .weekly, weekday: 1, hour: 4)
        fake.advance(to: start + 3 * 86_400)
        _ = try await sync(fake).syncBackups()
        let stored = try rows("droplet_backup")
        let events = try eventCount()
        #expect(stored.count == 4, "web-1's three daily backups of 2.36 GB, web-2's Monday one")

        var before = fake.requestCount
        let restarted = try await sync(fake).syncBackups()
        #expect(fake.requestCount - before == 1, "the droplet listing alone")
        #expect(restarted.complete && restarted.listed == 4 && restarted.outcome.isQuiet)
        #expect(try rows("droplet_backup") == stored)
        #expect(try eventCount() == events)

        fake.advance(to: start + 4 * 86_400)
        before = fake.requestCount
        let taken = try await sync(fake).syncBackups()
        #expect(fake.requestCount - before == 2, "March 4's backup changed web-1's backup_ids; web-2's are the ledger's")
        #expect(taken.listed == 5 && taken.outcome.created == 1 && taken.outcome.missed == 0)
    }

    /// 600 droplets with daily backups, a sixth in each 4-hour window: a restart four hours later
    /// asks for the droplet pages and the droplets that took a backup since, never meeting DO's
    /// burst limit of 250 a minute (without the ledger's backups it asked for all 600 and waited
    /// twice).
    @Test func aRestartOfABackedUpFleetStaysUnderTheBurstLimit() async throws {
        let fake = FakeDigitalOcean(seed: 5, start: start)
        for index in 0..<600 {
            try fake.createDroplet(name: "web-\(index)", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true,
                                   createdAt: nil, project: nil)
            try fake.enableBackups(droplet: "web-\(index)", plan: .daily, hour: BackupPolicy.hours[index % 6])
        }
        fake.advance(to: start + 3 * 86_400 + 3_600)
        let waits = Mutex(0)
        func retryingSync() -> InventorySync {
            let transport = RetryingTransport(fake.transport, policy: .godo, sleeper: Sleeper { duration in
                waits.withLock { $0 += 1 }
                fake.clientWaited(duration)
            })
            return InventorySync(client: DigitalOceanClient(transport: transport, token: FakeDigitalOcean.defaultToken),
                                 ledger: ledger, clock: EngineClock { fake.now })
        }
        let first = try await retryingSync().syncBackups()
        #expect(first.complete && waits.withLock { $0 } == 2, "the first sync ever asks for all 600")

        fake.advance(to: fake.now + 4 * 3_600)
        let before = fake.requestCount
        let restarted = try await retryingSync().syncBackups()
        let taken = restarted.outcome.created
        #expect(restarted.complete && (50...250).contains(taken), "about a sixth took a backup in those four hours")
        #expect(fake.requestCount - before == 3 + taken && waits.withLock { $0 } == 2, "three droplet pages, then one request a backup taken")
    }

    @Test func aDropletThatIsGoneHasNoBackupsButAFailureCountsNoMiss() async throws {
        let fake = try world()
        try fake.enableBackups(droplet: "web-1", plan: .daily)
        fake.advance(to: start + 2 * 86_400)
        _ = try await sync(fake).syncBackups()
        let path = "/v2/droplets/\(try fake.dropletID(name: "web-1"))/backups"
        // A day later web-1 shows another backup, so a new worker asks for its backups.
        fake.advance(to: start + 3 * 86_400)
        fake.injectFault(path: path, page: nil, status: 500, times: 1)
        let failed = try await sync(fake).syncBackups()
        #expect(!failed.complete && failed.outcome.missed == 0)
        #expect(try rows("droplet_backup").allSatisfy { $0["missed_listings"] == 0 })
        fake.injectFault(path: path, page: nil, status: 404, times: 1)
        let gone = try await sync(fake).syncBackups()
        #expect(gone.complete && gone.outcome.missed == 2, "DO deletes a destroyed droplet's backups")
    }
}
