@testable import ArcadiaCore
import CoreTestSupport
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing

@Suite struct InventoryStoreTests {
    let ledger = try! Ledger()
    let t0 = InventoryFixtures.t0

    func reconcile(_ observed: [ObservedResource], at minutes: Int64) throws -> ReconcileOutcome {
        try ledger.writer.write { db in
            try InventoryStore.reconcile(db, kind: .droplet, observed: observed, at: t0 + minutes * 60)
        }
    }

    @Test func firstSightingCreatesTheResourceWithOneEvent() throws {
        let outcome = try reconcile([InventoryFixtures.droplet(1, name: "web-1")], at: 0)
        #expect(outcome.created == 1)
        #expect(try InventoryFixtures.events(ledger, providerID: "1") == ["created"])
    }

    @Test func anUnchangedListingWritesNothing() throws {
        _ = try reconcile([InventoryFixtures.droplet(1, name: "web-1", tags: ["b", "a"])], at: 0)
        let before = try InventoryFixtures.totalChanges(ledger)
        let outcome = try reconcile([InventoryFixtures.droplet(1, name: "web-1", tags: ["b", "a"])], at: 15)
        #expect(outcome.isQuiet)
        #expect(try InventoryFixtures.totalChanges(ledger) == before)
    }

    /// An observation equal to a row's but another value (the bytes changed only where the ledger
    /// keeps nothing, such as a droplet's backup_ids) becomes the row's, so the next listing, which
    /// a memoized client hands it back in, compares by identity instead of field by field.
    @Test func anEqualObservationOfAnotherValueIsAdoptedAndWritesNothing() throws {
        let first = InventoryFixtures.droplet(1, name: "web-1")
        let second = InventoryFixtures.droplet(1, name: "web-1")
        #expect(first == second && !first.isCopy(of: second))
        let rows = try ledger.writer.write { db in
            try InventoryStore.reconcile(db, kind: .droplet, observed: [first], at: t0, known: nil).rows
        }
        let before = try InventoryFixtures.totalChanges(ledger)
        let (outcome, again) = try ledger.writer.write { db in
            try InventoryStore.reconcile(db, kind: .droplet, observed: [second], at: t0 + 900, known: rows)
        }
        #expect(outcome.isQuiet)
        #expect(try InventoryFixtures.totalChanges(ledger) == before)
        #expect(again[0].observed?.isCopy(of: second) == true)
    }

    @Test func eachChangedFieldIsOneEventWithOldAndNewValues() throws {
        _ = try reconcile([InventoryFixtures.droplet(1, name: "web-1", size: "s-1vcpu-1gb", tags: ["a"])], at: 0)
        let outcome = try reconcile([InventoryFixtures.droplet(1, name: "web-1", size: "s-2vcpu-4gb", status: "off", tags: ["a", "b"])], at: 15)
        #expect(outcome.changed == 1)
        #expect(try InventoryFixtures.events(ledger, providerID: "1") == [
            "created",
            "changed status active→off",
            "changed size_slug s-1vcpu-1gb→s-2vcpu-4gb",
            #"changed tags ["a"]→["a","b"]"#,
        ])
    }

    /// A listing outage before the first miss dates the absence from the outage's first failure;
    /// the outage ends with that complete listing, and a later absence is dated by its own miss.
    @Test func anOutageBeforeTheFirstMissDatesTheAbsenceFromItsFirstFailure() throws {
        _ = try reconcile([InventoryFixtures.droplet(1, name: "web-1"), InventoryFixtures.droplet(2, name: "web-2")], at: 0)
        try ledger.writer.write { db in
            for minutes: Int64 in [15, 30, 45] { try ListingOutage.recordFailure(db, kind: .droplet, at: t0 + minutes * 60) }
        }
        let before = try InventoryFixtures.totalChanges(ledger)
        try ledger.writer.write { db in try ListingOutage.recordFailure(db, kind: .droplet, at: t0 + 3_600) }
        #expect(try InventoryFixtures.totalChanges(ledger) == before, "a failure inside an outage writes no outage row")
        for minutes: Int64 in [600, 615, 630] { _ = try reconcile([InventoryFixtures.droplet(2, name: "web-2")], at: minutes) }
        for minutes: Int64 in [645, 660, 675] { _ = try reconcile([], at: minutes) }
        #expect(try InventoryFixtures.events(ledger, providerID: "1").last == "stale missing_since ∅→2026-04-01T00:15:00Z")
        #expect(try InventoryFixtures.events(ledger, providerID: "2").last == "stale missing_since ∅→2026-04-01T10:45:00Z")
    }

    @Test func aResourceGoesStaleExactlyAtTheThirdMissedListing() throws {
        _ = try reconcile([InventoryFixtures.droplet(1, name: "web-1")], at: 0)
        for (minutes, pending) in [(15, 1), (30, 1)] {
            let outcome = try reconcile([], at: Int64(minutes))
            #expect(outcome.pendingMisses == pending)
            #expect(outcome.markedStale == 0)
        }
        let third = try reconcile([], at: 45)
        #expect(third.markedStale == 1)
        #expect(third.pendingMisses == 0)
        let staleAt = try ledger.writer.read { try String.fetchOne($0, sql: "SELECT stale_at FROM cloud_resources") }
        #expect(staleAt == "2026-04-01T00:45:00Z")
        #expect(try InventoryFixtures.events(ledger, providerID: "1") == ["created", "stale missing_since ∅→2026-04-01T00:15:00Z"])
        let fourth = try reconcile([], at: 60)
        #expect(fourth.isQuiet, "a stale resource counts no further misses")
    }

    /// Found by `arcadia fuzz`: a listing run again at the same instant (a re-run of the job)
    /// counted every absent resource missing a second time, and a third re-run made it stale.
    @Test func aListingRepeatedAtTheSameInstantCountsNoSecondMiss() throws {
        _ = try reconcile([InventoryFixtures.droplet(1, name: "web-1")], at: 0)
        for _ in 0..<3 { _ = try reconcile([], at: 15) }
        let before = try InventoryFixtures.totalChanges(ledger)
        let again = try reconcile([], at: 15)
        #expect(again.missed == 0 && again.markedStale == 0)
        #expect(try InventoryFixtures.totalChanges(ledger) == before)
        let misses = try ledger.writer.read { try Int.fetchOne($0, sql: "SELECT missed_listings FROM cloud_resources") }
        #expect(misses == 1)
        _ = try reconcile([], at: 30)
        _ = try reconcile([], at: 45)
        #expect(try InventoryFixtures.events(ledger, providerID: "1") == ["created", "stale missing_since ∅→2026-04-01T00:15:00Z"])
    }

    @Test func aProjectsListingRepeatedAtTheSameInstantCountsNoSecondMiss() throws {
        let project = ObservedProject(providerID: "uuid-1", name: "prod", description: "", environment: nil, isDefault: false)
        try ledger.writer.write { db in
            _ = try ProjectStore.reconcile(db, observed: [project], at: t0)
            for _ in 0..<3 { _ = try ProjectStore.reconcile(db, observed: [], at: t0 + 900) }
        }
        let row = try ledger.writer.read { try Row.fetchOne($0, sql: "SELECT missed_listings, stale_at FROM cloud_projects") }
        #expect(row?["missed_listings"] == 1)
        #expect(row?["stale_at"] == nil as String?)
    }

    @Test func aReappearanceResetsTheMissCount() throws {
        _ = try reconcile([InventoryFixtures.droplet(1, name: "web-1")], at: 0)
        _ = try reconcile([], at: 15)
        _ = try reconcile([], at: 30)
        _ = try reconcile([InventoryFixtures.droplet(1, name: "web-1")], at: 45)
        _ = try reconcile([], at: 60)
        let outcome = try reconcile([], at: 75)
        #expect(outcome.markedStale == 0, "misses must be consecutive")
        #expect(outcome.pendingMisses == 1)
    }

    @Test func aStaleResourceThatReturnsIsRevived() throws {
        _ = try reconcile([InventoryFixtures.droplet(1, name: "web-1")], at: 0)
        for minutes in [15, 30, 45] { _ = try reconcile([], at: Int64(minutes)) }
        let outcome = try reconcile([InventoryFixtures.droplet(1, name: "web-1")], at: 60)
        #expect(outcome.revived == 1)
        #expect(try InventoryFixtures.events(ledger, providerID: "1") == ["created", "stale missing_since ∅→2026-04-01T00:15:00Z", "revived"])
        let staleAt = try ledger.writer.read { try String.fetchOne($0, sql: "SELECT stale_at FROM cloud_resources") }
        #expect(staleAt == nil)
    }

    @Test func kindsAreCountedSeparately() throws {
        _ = try reconcile([InventoryFixtures.droplet(1, name: "web-1")], at: 0)
        let outcome = try ledger.writer.write { db in
            try InventoryStore.reconcile(db, kind: .dnsZone, observed: [], at: t0 + 900)
        }
        #expect(outcome.missed == 0, "an empty domain listing must not count a droplet as missing")
    }
}
