import DigitalOcean
import FakeDigitalOcean
import Foundation
import Testing
import TestSupport

@Suite struct FakeVolumeTests {
    @Test func volumeKeysMatchDOsExample() throws {
        let fake = try fakeWithDroplets(1)
        try fake.createVolume(name: "data", sizeGB: 100, region: "nyc3", tags: ["db"], project: nil)
        let response = fake.get("/v2/volumes")
        let first = try #require((try response.json()["volumes"] as? [[String: Any]])?.first)
        let verbatim = try #require(((try JSONSerialization.jsonObject(with: Fixture.data("volumes_list.json")) as? [String: Any])?["volumes"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == Set(verbatim.keys))
    }

    @Test func attachingListsTheDropletOnBothSidesAndDestroyingTheDropletDetaches() async throws {
        let fake = try fakeWithDroplets(1)
        try fake.createVolume(name: "data", sizeGB: 100, region: "nyc3", tags: [], project: nil)
        try fake.attachVolume(name: "data", toDroplet: "web-001")
        let volume = try #require(try await fake.client.volumes().items.first)
        let droplet = try #require(try await fake.client.droplets().items.first)
        #expect(volume.dropletIDs == [droplet.id])
        #expect(droplet.volumeIDs == [volume.id])
        #expect(volume.sizeGigabytes == 100 && volume.region.slug == "nyc3")
        try fake.destroyDroplet(name: "web-001")
        #expect(try await fake.client.volumes().items.first?.dropletIDs == [])
    }

    @Test func doRulesAreEnforced() throws {
        let fake = try fakeWithDroplets(1)
        try fake.createVolume(name: "far", sizeGB: 10, region: "syd1", tags: [], project: nil)
        #expect(throws: FakeWorldError.invalidState("volume 'far' is in syd1 but droplet 'web-001' is in nyc3")) {
            try fake.attachVolume(name: "far", toDroplet: "web-001")
        }
        try fake.createVolume(name: "near", sizeGB: 10, region: "nyc3", tags: [], project: nil)
        try fake.attachVolume(name: "near", toDroplet: "web-001")
        #expect(throws: FakeWorldError.conflict(.volumeStillAttached(volume: "near", droplet: "web-001"))) { try fake.deleteVolume(name: "near") }
        #expect(throws: FakeWorldError.duplicate(.volume, "near")) {
            try fake.createVolume(name: "near", sizeGB: 10, region: "nyc3", tags: [], project: nil)
        }
    }

    @Test func volumesAreProjectResources() throws {
        let fake = try fakeWithDroplets(1)
        try fake.createProject(name: "data", description: "", environment: nil, isDefault: false)
        try fake.createVolume(name: "pg", sizeGB: 10, region: "nyc3", tags: [], project: "data")
        let projects = try #require(try fake.get("/v2/projects").json()["projects"] as? [[String: Any]])
        let data = try #require(projects.first { $0["name"] as? String == "data" })
        let resources = try fake.get("/v2/projects/\(data["id"] as! String)/resources").text
        #expect(resources.contains(#""urn":"do:volume:"#))
    }
}
