@testable import ArcadiaCore
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
}
