import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime
import Testing

/// Same seed and calls ⇒ the same bytes; another seed ⇒ other ids and addresses.
@Suite struct FakeDeterminismTests {
    private func build(seed: UInt64) throws -> FakeDigitalOcean {
        let fake = FakeDigitalOcean(seed: seed, start: start)
        try fake.createProject(name: "tenant-a", description: "A", environment: "Production", isDefault: false)
        for index in 0..<30 {
            fake.advance(to: start + Int64(index) * 300)
            try fake.createDroplet(name: "node-\(index)", size: index.isMultiple(of: 3) ? "c-2" : "s-2vcpu-2gb",
                                   region: RegionCatalogue.slugs[index % RegionCatalogue.slugs.count], tags: ["t\(index % 4)"],
                                   poweredOn: !index.isMultiple(of: 5), createdAt: nil, project: index.isMultiple(of: 2) ? "tenant-a" : nil)
        }
        try fake.createDomain(name: "example.test", ttl: 600, project: "tenant-a")
        try fake.destroyDroplet(name: "node-7")
        try fake.resizeDroplet(name: "node-8", size: "s-8vcpu-16gb")
        return fake
    }

    private let paths: [(String, [QueryItem])] = [
        ("/v2/droplets", [QueryItem("page", "1"), QueryItem("per_page", "10")]),
        ("/v2/droplets", [QueryItem("page", "3"), QueryItem("per_page", "10")]),
        ("/v2/domains", []), ("/v2/projects", []), ("/v2/projects/default/resources", []),
        ("/v2/droplets/1", []), ("/v2/sizes", []),
    ]

    private func bodies(_ fake: FakeDigitalOcean) -> [[UInt8]] {
        paths.map { fake.get($0.0, $0.1) }.map { Array($0.body) + Array(($0.headers["x-request-id"] ?? "").utf8) }
    }

    @Test func sameSeedSameBytes() throws {
        let a = try build(seed: 2026), b = try build(seed: 2026)
        #expect(bodies(a) == bodies(b))
        #expect(a.revision == b.revision)
    }

    @Test func differentSeedDifferentIDs() async throws {
        let a = try await build(seed: 1).client.droplets().items
        let b = try await build(seed: 2).client.droplets().items
        #expect(a.map(\.name) == b.map(\.name))
        #expect(a.map(\.id) != b.map(\.id))
        #expect(a.map(\.networks) != b.map(\.networks))
        #expect(a.map(\.vpcUUID) != b.map(\.vpcUUID))
    }

    @Test func idsAscendInCreationOrderAndAddressesAreUnique() async throws {
        let fake = try fakeWithDroplets(1_000, seed: 77)
        let droplets = try await fake.client.droplets().items
        #expect(droplets.count == 1_000)
        #expect(droplets.map(\.name) == droplets.sorted { $0.id < $1.id }.map(\.name))
        #expect(droplets.first.map { $0.id >= 400_000_000 } == true)
        let addresses = droplets.flatMap { $0.networks.v4.map(\.ipAddress) + $0.networks.v6.map(\.ipAddress) }
        #expect(Set(addresses).count == 3_000)
        #expect(Set(droplets.compactMap(\.vpcUUID)) .count == 1)
    }
}
