@testable import ArcadiaCore
import Foundation
import MoneyAndTime
import Testing

/// A droplet's last backup listing is handed back only while the droplet shows exactly its ids.
@Suite struct BackupListingsTests {
    func backup(_ id: String) -> ObservedResource {
        ObservedResource(kind: .dropletBackup, providerID: id, name: "web-1- \(id)", status: "available")
    }

    @Test func aListingIsReusedWhileTheDropletShowsItsIDsInAnyOrder() {
        let listings = BackupListings()
        let listed = [backup("11"), backup("12")]
        listings.remember(listed, ofDroplet: 7)
        #expect(listings.backups(ofDroplet: 7, showing: [12, 11]) == listed)
        #expect(listings.backups(ofDroplet: 7, showing: [11]) == nil, "one expired")
        #expect(listings.backups(ofDroplet: 7, showing: [11, 12, 13]) == nil, "one taken")
        #expect(listings.backups(ofDroplet: 7, showing: [11, 13]) == nil, "one replaced")
        #expect(listings.backups(ofDroplet: 8, showing: [11, 12]) == nil, "another droplet")
    }

    @Test func aListingWithAnIDThatIsNotDOsIntegerIsNotKeptNorAnEarlierOne() {
        let listings = BackupListings()
        listings.remember([backup("11")], ofDroplet: 7)
        listings.remember([backup("11"), backup("x-12")], ofDroplet: 7)
        #expect(listings.backups(ofDroplet: 7, showing: [11]) == nil)
    }

    @Test func dropletsNoLongerListedAreForgotten() {
        let listings = BackupListings()
        listings.remember([], ofDroplet: 7)
        listings.remember([backup("21")], ofDroplet: 8)
        listings.keepOnly([8])
        #expect(listings.backups(ofDroplet: 7, showing: []) == nil)
        #expect(listings.backups(ofDroplet: 8, showing: [21])?.count == 1)
    }

    func stored(_ id: String, droplet: Int) -> CloudResource {
        let at = Timestamp(year: 2026, month: 3, day: 1)
        return CloudResource(id: Int64(id)!, kind: .dropletBackup, providerID: id, name: "web- \(id)", status: "available",
                             attributesText: #"{"droplet_id":"\#(droplet)"}"#, firstSeenAt: at, lastChangedAt: at)
    }

    @Test func theSeedRunsOnceAndLeavesADropletListedSinceAsItWas() {
        let listings = BackupListings()
        listings.remember([backup("11")], ofDroplet: 7)
        #expect(listings.needsSeed)
        listings.seed([stored("12", droplet: 7), stored("21", droplet: 8), stored("22", droplet: 8)])
        #expect(!listings.needsSeed)
        #expect(listings.backups(ofDroplet: 7, showing: [11]) == [backup("11")], "listed in this process: kept")
        #expect(listings.backups(ofDroplet: 8, showing: [22, 21])?.map(\.providerID) == ["21", "22"])
        listings.seed([stored("31", droplet: 9)])
        #expect(listings.backups(ofDroplet: 9, showing: [31]) == nil, "seeded once")
    }

    /// The rows a listing wrote stand for that listing: equal observations (an exact decimal size
    /// included), so reconciling them writes nothing; a backup the last listing missed is not one.
    @Test func aSeedFromTheLedgerIsTheListingItsRowsWereWrittenFrom() throws {
        let ledger = try Ledger()
        let t0 = Timestamp(year: 2026, month: 3, day: 4)
        func listed(_ id: Int, droplet: Int, size: String) -> ObservedResource {
            Normalize.backup(InventoryBackup(id: id, name: "web- \(id)", createdAt: "2026-03-0\(id % 10)T04:00:00Z", regions: ["syd1"],
                                             minDiskSize: 25, sizeGigabytes: Decimal(string: size)!), dropletID: droplet)
        }
        let web1 = [listed(11, droplet: 7, size: "2.36"), listed(12, droplet: 7, size: "3")]
        let web2 = listed(21, droplet: 8, size: "1.5")
        _ = try ledger.writer.write { try InventoryStore.reconcile($0, kind: .dropletBackup, observed: web1 + [web2], at: t0) }
        _ = try ledger.writer.write { try InventoryStore.reconcile($0, kind: .dropletBackup, observed: web1, at: t0 + 3_600) }

        let listings = BackupListings()
        listings.seed(try ledger.read(BackupListings.stored))
        let seeded = try #require(listings.backups(ofDroplet: 7, showing: [11, 12]))
        #expect(seeded == web1)
        #expect(listings.backups(ofDroplet: 8, showing: [21]) == nil, "missed by the last complete listing")
        let outcome = try ledger.writer.write {
            try InventoryStore.reconcile($0, kind: .dropletBackup, observed: seeded, at: t0 + 7_200)
        }
        #expect(outcome.created == 0 && outcome.changed == 0 && outcome.missed == 1 && outcome.eventsWritten == 0, "web-2 missed again, no more")
    }
}
