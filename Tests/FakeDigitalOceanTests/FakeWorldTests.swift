import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime
import Testing

/// World mutations: what they change in the API, and what they refuse.
@Suite struct FakeWorldTests {
    @Test func mutationsShowInTheDroplet() async throws {
        let fake = try fakeWithDroplets(2)
        let id = try fake.dropletID(name: "web-001")
        try fake.resizeDroplet(name: "web-001", size: "s-4vcpu-8gb")
        try fake.powerOffDroplet(name: "web-001")
        try fake.tagDroplet(name: "web-001", tags: ["env:prod", "web"])
        try fake.renameDroplet(name: "web-001", to: "api-001")
        var droplet = try await fake.client.droplet(id: id)
        #expect(droplet.name == "api-001" && droplet.status == "off" && droplet.tags == ["env:prod", "web"])
        #expect(droplet.sizeSlug == "s-4vcpu-8gb" && droplet.size.slug == "s-4vcpu-8gb")
        #expect(droplet.memory == 8192 && droplet.vcpus == 4 && droplet.disk == 160 && droplet.diskInfo?.first?.size.amount == 160)
        try fake.powerOnDroplet(name: "api-001")
        try fake.untagDroplet(name: "api-001", tags: ["web"])
        droplet = try await fake.client.droplet(id: id)
        #expect(droplet.status == "active" && droplet.tags == ["env:prod"])
        #expect(try await fake.client.droplets().items.map(\.name) == ["api-001", "web-002"])
    }

    /// The simulator keys the domains, volumes, firewalls, load balancers and projects syncs on
    /// `revisionBeyondDroplets`: a droplet's own fields changed in place must not move it, and
    /// anything those listings show must.
    @Test func aDropletChangedInPlaceMovesOnlyTheDropletRevisions() throws {
        let fake = try fakeWithDroplets(2)
        var (inventory, beyond) = (fake.inventoryRevision, fake.revisionBeyondDroplets)
        try fake.resizeDroplet(name: "web-001", size: "s-4vcpu-8gb")
        try fake.powerOffDroplet(name: "web-001")
        try fake.tagDroplet(name: "web-001", tags: ["web"])
        try fake.renameDroplet(name: "web-001", to: "api-001")
        try fake.enableBackups(droplet: "api-001", plan: .daily, hour: 4)
        #expect(fake.inventoryRevision > inventory && fake.revisionBeyondDroplets == beyond)
        for change in [
            { try fake.createVolume(name: "data", sizeGB: 10, region: "nyc3", tags: [], project: nil) },
            { try fake.attachVolume(name: "data", toDroplet: "api-001") },
            { _ = try fake.takeDropletSnapshot(droplet: "web-002", name: "before-upgrade") },
            { try fake.destroyDroplet(name: "web-002") },
        ] as [() throws -> Void] {
            (inventory, beyond) = (fake.inventoryRevision, fake.revisionBeyondDroplets)
            try change()
            #expect(fake.inventoryRevision > inventory && fake.revisionBeyondDroplets > beyond)
        }
    }

    @Test func unchangedWorldKeepsRevisionAndBytes() throws {
        let fake = try fakeWithDroplets(300)
        let revision = fake.revision
        let first = fake.get("/v2/droplets", [QueryItem("page", "2"), QueryItem("per_page", "200")]).body
        fake.advance(to: start + 900)
        #expect(fake.get("/v2/droplets", [QueryItem("page", "2"), QueryItem("per_page", "200")]).body == first)
        #expect(fake.revision == revision)
        try fake.tagDroplet(name: "web-250", tags: ["hot"])
        #expect(fake.revision == revision + 1)
        let changed = fake.get("/v2/droplets", [QueryItem("page", "2"), QueryItem("per_page", "200")])
        #expect(changed.body != first && changed.text.contains(#""hot""#))
        try fake.tagDroplet(name: "web-250", tags: ["hot"])
        #expect(fake.revision == revision + 1)
    }

    @Test func refusalsAreClearAndLeaveTheWorldAlone() throws {
        let fake = try fakeWithDroplets(1)
        let revision = fake.revision
        let create = { (name: String, size: String, region: String) in
            try fake.createDroplet(name: name, size: size, region: region, tags: [], poweredOn: true, createdAt: nil, project: nil)
        }
        #expect(throws: FakeWorldError.unknownSize("s-99")) { try create("a", "s-99", "nyc3") }
        #expect(FakeWorldError.unknownSize("s-99").description.hasPrefix("unknown droplet size 's-99' (known: s-1vcpu-512mb-10gb, "))
        #expect(throws: FakeWorldError.unknownRegion("mars1")) { try create("a", "s-1vcpu-1gb", "mars1") }
        #expect(FakeWorldError.unknownRegion("mars1").description.contains("syd1"))
        #expect(throws: FakeWorldError.duplicate(.droplet, "web-001")) { try create("web-001", "s-1vcpu-1gb", "nyc3") }
        #expect(throws: FakeWorldError.unknown(.droplet, "ghost")) { try fake.destroyDroplet(name: "ghost") }
        #expect(throws: FakeWorldError.conflict(.alreadyPowered(droplet: "web-001", on: true))) { try fake.powerOnDroplet(name: "web-001") }
        #expect(throws: FakeWorldError.invalidState("droplet 'web-001' is already s-1vcpu-1gb").about("size")) {
            try fake.resizeDroplet(name: "web-001", size: "s-1vcpu-1gb")
        }
        #expect(throws: FakeWorldError.self) {
            try fake.createDroplet(name: "future", size: "s-1vcpu-1gb", region: "nyc3", tags: [], poweredOn: true,
                                   createdAt: start + 1, project: nil)
        }
        try fake.createDomain(name: "a.test", ttl: 1800, project: nil)
        #expect(throws: FakeWorldError.duplicate(.domain, "a.test")) { try fake.createDomain(name: "a.test", ttl: 1800, project: nil) }
        #expect(throws: FakeWorldError.duplicate(.project, "Default")) {
            try fake.createProject(name: "Default", description: "", environment: nil, isDefault: false)
        }
        #expect(fake.revision == revision + 1)
    }

    @Test func destroyedNameCanBeReused() async throws {
        let fake = try fakeWithDroplets(1)
        let old = try fake.dropletID(name: "web-001")
        try fake.destroyDroplet(name: "web-001")
        let new = try fake.createDroplet(name: "web-001", size: "s-1vcpu-1gb", region: "nyc3", tags: [], poweredOn: false,
                                         createdAt: nil, project: nil)
        #expect(new > old)
        #expect(try await fake.client.droplets().items.map(\.id) == [new])
        #expect(fake.get("/v2/droplets/\(old)").status == 404)
    }
}
