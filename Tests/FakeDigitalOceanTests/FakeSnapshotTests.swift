import DigitalOcean
import FakeDigitalOcean
import Foundation
import Testing
import TestSupport

@Suite struct FakeSnapshotTests {
    /// One droplet (`web-001`, s-1vcpu-1gb: 25 GB disk) with a snapshot, and a 100 GB volume with one.
    private func fakeWithSnapshots(seed: UInt64 = 42) throws -> FakeDigitalOcean {
        let fake = try fakeWithDroplets(1, seed: seed)
        try fake.createVolume(name: "data", sizeGB: 100, region: "nyc3", tags: [], project: nil)
        try fake.takeDropletSnapshot(droplet: "web-001", name: "web-001-before-upgrade")
        try fake.takeVolumeSnapshot(volume: "data", name: "data-nightly")
        return fake
    }

    @Test func snapshotKeysMatchDOsExampleAndIDsAreStrings() throws {
        let fake = try fakeWithSnapshots()
        let response = fake.get("/v2/snapshots")
        let listed = try #require(try response.json()["snapshots"] as? [[String: Any]])
        let verbatim = try #require((try JSONSerialization.jsonObject(with: Fixture.data("snapshots_list.json")) as? [String: Any])?["snapshots"] as? [[String: Any]])
        #expect(listed.count == 2)
        #expect(listed.allSatisfy { Set($0.keys) == Set(verbatim[0].keys) })
        #expect(listed.allSatisfy { $0["id"] is String && $0["resource_id"] is String })
        #expect(listed.map { $0["resource_type"] as? String } == ["droplet", "volume"])
    }

    @Test func sizesAreSeedDrivenAndNeverExceedTheDiskOrVolume() async throws {
        var sizes: Set<Double> = []
        for seed in UInt64(1)...40 {
            let fake = try fakeWithSnapshots(seed: seed)
            let snapshots = try await fake.client.snapshots().items
            let droplet = try #require(snapshots.first { $0.resourceType == "droplet" })
            let volume = try #require(snapshots.first { $0.resourceType == "volume" })
            #expect(droplet.sizeGigabytes > 0 && droplet.sizeGigabytes <= 25 && droplet.minDiskSize == 25)
            #expect(droplet.sizeGigabytes >= 1.45 && droplet.sizeGigabytes <= 3.54, "a fresh droplet holds an OS and an app")
            #expect(volume.sizeGigabytes > 0 && volume.sizeGigabytes <= 100 && volume.minDiskSize == 100)
            #expect(String(describing: droplet.sizeGigabytes).split(separator: ".").last.map { $0.count <= 2 } == true, "hundredths of a GB")
            sizes.insert(droplet.sizeGigabytes)
        }
        #expect(sizes.count > 20, "sizes vary with the seed")
    }

    @Test func aDropletSnapshotIsInTheDropletsSnapshotIDsUntilDeleted() async throws {
        let fake = try fakeWithSnapshots()
        let snapshot = try #require(try await fake.client.snapshots(resourceType: "droplet").items.first)
        #expect(try await fake.client.droplets().items.first?.snapshotIDs == [try #require(Int(snapshot.id))])
        #expect(snapshot.resourceID == String(try fake.dropletID(name: "web-001")))
        try fake.deleteSnapshot(name: "web-001-before-upgrade")
        #expect(try await fake.client.droplets().items.first?.snapshotIDs == [])
        #expect(try await fake.client.snapshots().items.map(\.name) == ["data-nightly"])
        #expect(fake.get("/v2/snapshots/\(snapshot.id)").status == 404)
    }

    @Test func aDropletsSnapshotsOutliveIt() async throws {
        let fake = try fakeWithSnapshots()
        try fake.destroyDroplet(name: "web-001")
        #expect(try await fake.client.snapshots(resourceType: "droplet").items.map(\.name) == ["web-001-before-upgrade"])
    }

    @Test func resourceTypeFiltersAndIsKeptInThePageLinks() async throws {
        let fake = try fakeWithDroplets(1)
        for index in 1...5 { try fake.takeDropletSnapshot(droplet: "web-001", name: "s-\(index)") }
        try fake.createVolume(name: "data", sizeGB: 10, region: "nyc3", tags: [], project: nil)
        try fake.takeVolumeSnapshot(volume: "data", name: "v-1")
        let page = try fake.get("/v2/snapshots", [QueryItem("resource_type", "droplet"), QueryItem("per_page", "2")]).json()
        #expect((page["meta"] as? [String: Any])?["total"] as? Int == 5)
        let next = ((page["links"] as? [String: Any])?["pages"] as? [String: Any])?["next"] as? String
        #expect(next == "https://api.digitalocean.com/v2/snapshots?page=2&per_page=2&resource_type=droplet")
        let volumes = try await DigitalOceanClient(transport: fake.transport, token: FakeDigitalOcean.defaultToken, perPage: 2)
            .snapshots(resourceType: "volume")
        #expect(volumes.items.map(\.name) == ["v-1"])
        #expect(fake.get("/v2/snapshots", [QueryItem("resource_type", "image")]).status == 400)
    }

    @Test func singleSnapshotByEitherKindOfID() throws {
        let fake = try fakeWithSnapshots()
        let listed = try #require(try fake.get("/v2/snapshots").json()["snapshots"] as? [[String: Any]])
        for item in listed {
            let id = try #require(item["id"] as? String)
            let single = try #require(try fake.get("/v2/snapshots/\(id)").json()["snapshot"] as? [String: Any])
            #expect(single["name"] as? String == item["name"] as? String)
        }
    }

    @Test func namesAreUniqueAndSourcesMustExist() throws {
        let fake = try fakeWithSnapshots()
        #expect(throws: FakeWorldError.duplicate(.snapshot, "data-nightly")) {
            try fake.takeVolumeSnapshot(volume: "data", name: "data-nightly")
        }
        #expect(throws: FakeWorldError.unknown(.droplet, "web-9", field: "droplet")) { try fake.takeDropletSnapshot(droplet: "web-9", name: "x") }
        #expect(throws: FakeWorldError.unknown(.volume, "nope", field: "volume")) { try fake.takeVolumeSnapshot(volume: "nope", name: "x") }
        #expect(throws: FakeWorldError.unknown(.snapshot, "x")) { try fake.deleteSnapshot(name: "x") }
    }
}
