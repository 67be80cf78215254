import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean
import Foundation
import GRDB
import MoneyAndTime
import Testing

/// The mirror and the listing memo are fast paths: a sync with them must leave exactly the ledger
/// a plain sync leaves, listing after listing, over pages that shift, a failed listing, and a
/// reconcile whose transaction fails.
@Suite struct InventoryMirrorTests {
    let start = Timestamp(year: 2026, month: 3, day: 1)

    /// Two ledgers synced from one fake: one through a memoized three-per-page client with a
    /// mirror, one through a plain client.
    struct Pair {
        let fake: FakeDigitalOcean
        let fast: InventorySync
        let plain: InventorySync

        init(fake: FakeDigitalOcean) throws {
            self.fake = fake
            let clock = EngineClock { fake.now }
            var fast = InventorySync(client: DigitalOceanClient(transport: fake.transport, token: FakeDigitalOcean.defaultToken,
                                                                perPage: 3, itemMemo: ItemMemo()), ledger: try Ledger(), clock: clock)
            fast.mirror = InventoryMirror()
            self.fast = fast
            plain = InventorySync(client: DigitalOceanClient(transport: fake.transport, token: FakeDigitalOcean.defaultToken, perPage: 3),
                                  ledger: try Ledger(), clock: clock)
        }

        /// Syncs droplets, backups and projects into both ledgers and checks they agree.
        func sync(after minutes: Int64, _ note: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            fake.advance(to: fake.now + minutes * 60)
            let fastDroplets = try await fast.syncDroplets()
            let plainDroplets = try await plain.syncDroplets()
            #expect(Self.withoutRequestIDs(fastDroplets) == Self.withoutRequestIDs(plainDroplets), "\(note): droplets report",
                    sourceLocation: sourceLocation)
            let fastBackups = try await fast.syncBackups()
            let plainBackups = try await plain.syncBackups()
            #expect(fastBackups == plainBackups, "\(note): backups report", sourceLocation: sourceLocation)
            let fastProjects = try await fast.syncProjects()
            let plainProjects = try await plain.syncProjects()
            #expect(fastProjects == plainProjects, "\(note): projects report", sourceLocation: sourceLocation)
            #expect(try Self.export(fast.ledger) == Self.export(plain.ledger), "\(note): ledgers", sourceLocation: sourceLocation)
        }

        /// Runs `sync` on both ledgers while each refuses, with a trigger, the inserts into `table`
        /// that `condition` picks: both must fail, then the refusal is lifted.
        func failing(_ sync: (InventorySync) async throws -> SyncReport, refusing table: String, when condition: String,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws {
            for side in [fast, plain] {
                try await side.ledger.writer.write { db in
                    try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON \(table) WHEN \(condition) BEGIN SELECT RAISE(ABORT, 'refused'); END")
                }
            }
            await #expect(throws: (any Error).self, sourceLocation: sourceLocation) { try await sync(fast) }
            await #expect(throws: (any Error).self, sourceLocation: sourceLocation) { try await sync(plain) }
            for side in [fast, plain] {
                try await side.ledger.writer.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
            }
        }

        /// The fake gives each request its own id, and a failed listing's message quotes it.
        static func withoutRequestIDs(_ text: String) -> String {
            text.replacing(/request "[^"]*"/, with: "request …")
        }

        static func withoutRequestIDs(_ report: SyncReport) -> SyncReport {
            var report = report
            report.failures = report.failures.map(withoutRequestIDs)
            return report
        }

        static func export(_ ledger: Ledger) throws -> [String] {
            try LedgerExport.export(ledger).map { "\($0.name)\n\(withoutRequestIDs($0.content))" }
        }
    }

    /// Projects shop and lab, and droplets web-1… in them: the even ones in shop, the odd in lab.
    func fleet(seed: UInt64, droplets: Int) throws -> FakeDigitalOcean {
        let fake = FakeDigitalOcean(seed: seed, start: start)
        for name in ["shop", "lab"] {
            try fake.createProject(name: name, description: "", environment: nil, isDefault: false)
        }
        for index in 1...droplets {
            try fake.createDroplet(name: "web-\(index)", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true,
                                   createdAt: nil, project: index.isMultiple(of: 2) ? "shop" : "lab")
        }
        return fake
    }

    @Test func aMirroredMemoizedSyncLeavesThePlainLedgerThroughShiftsMissesAndFailures() async throws {
        let fake = try fleet(seed: 11, droplets: 8)
        let pair = try Pair(fake: fake)
        try await pair.sync(after: 0, "first sight")
        try await pair.sync(after: 15, "nothing changed")
        try fake.powerOffDroplet(name: "web-2")
        try fake.tagDroplet(name: "web-7", tags: ["db"])
        try await pair.sync(after: 15, "a change on page 1 and one on page 3")
        try fake.destroyDroplet(name: "web-1")
        try await pair.sync(after: 15, "every page shifts by one")
        try await pair.sync(after: 0, "a re-run at the same instant counts no second miss")
        fake.injectFault(path: "/v2/droplets", page: 2, status: 500, times: 2)
        try await pair.sync(after: 15, "a failed listing counts nothing")
        try await pair.sync(after: 15, "second miss")
        try fake.enableBackups(droplet: "web-3", plan: .daily, hour: 4)
        try fake.createDroplet(name: "web-9", size: "s-2vcpu-2gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: nil)
        try await pair.sync(after: 15, "web-1 stale, web-9 appended")
        try await pair.sync(after: 24 * 60, "a day later: backups")
        try fake.powerOnDroplet(name: "web-2")
        try fake.assignDroplet(name: "web-4", toProject: "lab")
        try await pair.sync(after: 15, "web-2 back on")
    }

    /// A droplet that vanishes during an outage is missing since the outage's first failure; the
    /// mirror, which skips looking for an outage once one has been ended, must learn of the new one.
    @Test func aDropletGoneDuringAnOutageIsMissingSinceItsStartWithTheMirror() async throws {
        let fake = try fleet(seed: 14, droplets: 4)
        let pair = try Pair(fake: fake)
        try await pair.sync(after: 0, "first sight")
        try await pair.sync(after: 15, "nothing changed")
        fake.injectFault(path: "/v2/droplets", page: nil, status: 500, times: 2)
        try await pair.sync(after: 15, "the outage starts")
        try fake.destroyDroplet(name: "web-2")
        try await pair.sync(after: 45, "the outage ends without web-2")
        let since = try await pair.fast.ledger.writer.read { db in
            try String.fetchOne(db, sql: "SELECT missing_since FROM cloud_resources WHERE name = 'web-2'")
        }
        #expect(since == (start + 30 * 60).iso8601, "missing since the first failed listing, not since the next one")
    }

    /// A reconcile that fails rolls its transaction back, so the rows it had made must not be
    /// trusted: the next listing reads the ledger again and writes what the plain sync writes.
    @Test func aReconcileWhoseTransactionFailsLeavesNoMirrorBehind() async throws {
        let fake = FakeDigitalOcean(seed: 12, start: start)
        for index in 1...4 {
            try fake.createDroplet(name: "web-\(index)", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true,
                                   createdAt: nil, project: nil)
        }
        let pair = try Pair(fake: fake)
        try await pair.sync(after: 0, "first sight")
        try fake.powerOffDroplet(name: "web-1")
        try fake.createDroplet(name: "boom", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: nil)
        fake.advance(to: fake.now + 900)
        try await pair.failing({ try await $0.syncDroplets() }, refusing: "cloud_resources", when: "NEW.name = 'boom'")
        try await pair.sync(after: 15, "after the failed transaction")
        let status = try await pair.fast.ledger.writer.read { db in
            try String.fetchOne(db, sql: "SELECT status FROM cloud_resources WHERE name = 'web-1'")
        }
        #expect(status == "off", "the change the failed transaction lost is written by the next listing")
    }

    /// With the mirror, attribution looks up only the members not already in the project listing
    /// them: through members listed before their resource is synced, moves there and back, and an
    /// attribution whose transaction fails, it must write what the plain pass writes.
    @Test func mirroredAttributionLeavesThePlainLedger() async throws {
        let fake = try fleet(seed: 13, droplets: 5)
        let pair = try Pair(fake: fake)
        let fastFirst = try await pair.fast.syncProjects()
        let plainFirst = try await pair.plain.syncProjects()
        #expect(fastFirst == plainFirst && fastFirst.attribution.notYetSynced == 5, "projects listed before their droplets")
        try await pair.sync(after: 15, "members synced after their projects")
        try fake.assignDroplet(name: "web-1", toProject: "shop")
        try await pair.sync(after: 15, "moved")
        try fake.assignDroplet(name: "web-1", toProject: "lab")
        try fake.createDroplet(name: "web-6", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: "shop")
        try await pair.sync(after: 15, "moved back, and a new member")
        try fake.assignDroplet(name: "web-3", toProject: "shop")
        try fake.assignDroplet(name: "web-2", toProject: "lab")
        fake.advance(to: fake.now + 900)
        try await pair.failing({ try await $0.syncProjects() }, refusing: "cloud_resource_events", when: "NEW.event = 'attributed'")
        try await pair.sync(after: 15, "after the failed attribution")
        let project = try await pair.fast.ledger.read { db in
            try String.fetchOne(db, sql: "SELECT p.name FROM cloud_resources r JOIN cloud_projects p ON p.id = r.project_id WHERE r.name = 'web-3'")
        }
        #expect(project == "shop", "the move the failed transaction lost is written by the next pass")
    }
}
