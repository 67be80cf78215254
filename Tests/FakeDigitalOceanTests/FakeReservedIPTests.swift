import DigitalOcean
import FakeDigitalOcean
import Foundation
import Testing
import TestSupport

@Suite struct FakeReservedIPTests {
    @Test(arguments: [("/v2/reserved_ips", "reserved_ips", "reserved_ips_list.json"), ("/v2/floating_ips", "floating_ips", "floating_ips_list.json")])
    func bothPathFamiliesServeDOsShape(path: String, key: String, fixture: String) throws {
        let fake = try fakeWithDroplets(1)
        try fake.reserveIP(region: "nyc3", project: nil)
        let response = fake.get(path)
        let first = try #require((try response.json()[key] as? [[String: Any]])?.first)
        let verbatim = try #require(((try JSONSerialization.jsonObject(with: Fixture.data(fixture)) as? [String: Any])?[key] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == Set(verbatim.keys))
        #expect(response.text.contains(#""droplet":null"#), "unassigned is an explicit null, as DO sends it")
    }

    @Test func assignmentEmbedsTheDropletAndDestroyingItUnassigns() async throws {
        let fake = try fakeWithDroplets(1)
        let ip = try fake.reserveIP(region: "nyc3", project: nil)
        try fake.assignIP(ip, toDroplet: "web-001")
        let listed = try #require(try await fake.client.reservedIPs().items.first)
        #expect(listed.ip == ip && listed.droplet?.name == "web-001" && listed.region.slug == "nyc3")
        #expect(try await fake.client.floatingIPs().items == [listed])
        try fake.destroyDroplet(name: "web-001")
        #expect(try await fake.client.reservedIPs().items.first?.droplet == nil)
    }

    @Test func doRulesAreEnforced() throws {
        let fake = try fakeWithDroplets(1)
        let far = try fake.reserveIP(region: "syd1", project: nil)
        #expect(throws: FakeWorldError.invalidState("reserved IP \(far) is in syd1 but droplet 'web-001' is in nyc3")) {
            try fake.assignIP(far, toDroplet: "web-001")
        }
        let near = try fake.reserveIP(region: "nyc3", project: nil)
        try fake.assignIP(near, toDroplet: "web-001")
        #expect(throws: FakeWorldError.conflict(.reservedIPStillAssigned(ip: near, droplet: "web-001"))) { try fake.releaseIP(near) }
        #expect(far != near)
    }
}
