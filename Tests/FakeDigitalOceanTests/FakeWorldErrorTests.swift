import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime
import Testing

/// What a refusal tells a scenario's dry run: the field, the parts, and why a name is gone.
@Suite struct FakeWorldErrorTests {
    @Test func aGoneNameSaysHowAndWhenItWent() throws {
        let fake = try fakeWithDroplets(3)
        fake.advance(to: start + 60)
        try fake.destroyDroplet(name: "web-001")
        try fake.renameDroplet(name: "web-002", to: "api")
        try fake.applyListingShift(.destroyDroplet(name: "web-003"))
        #expect(throws: FakeWorldError.unknown(.droplet, "web-001", departure: FakeDeparture(way: .destroyed, at: start + 60))) {
            try fake.resizeDroplet(name: "web-001", size: "s-4vcpu-8gb")
        }
        #expect(throws: FakeWorldError.unknown(.droplet, "web-002", departure: FakeDeparture(way: .renamed(to: "api"), at: start + 60))) {
            try fake.powerOffDroplet(name: "web-002")
        }
        #expect(throws: FakeWorldError.unknown(.droplet, "web-003", departure: FakeDeparture(way: .destroyedByListingShift, at: start + 60))) {
            try fake.destroyDroplet(name: "web-003")
        }
        try fake.createDroplet(name: "web-001", size: "s-1vcpu-1gb", region: "nyc3", tags: [], poweredOn: true, createdAt: nil, project: nil)
        try fake.destroyDroplet(name: "web-001")
        fake.advance(to: start + 120)
        #expect(throws: FakeWorldError.unknown(.droplet, "web-001", departure: FakeDeparture(way: .destroyed, at: start + 60)),
                "the name's latest departure, not the first") {
            try fake.destroyDroplet(name: "web-001")
        }
        try fake.createDomain(name: "a.test", ttl: 60, project: nil)
        try fake.deleteDomain(name: "a.test")
        #expect(throws: FakeWorldError.unknown(.domain, "a.test", departure: FakeDeparture(way: .deleted, at: start + 120))) {
            try fake.assignDomain(name: "a.test", toProject: "Default")
        }
    }

    @Test func aRefusalNamesTheArgumentItIsAbout() throws {
        let fake = try fakeWithDroplets(1)
        try fake.createVolume(name: "v", sizeGB: 10, region: "nyc3", tags: [], project: nil)
        #expect(throws: FakeWorldError.unknown(.droplet, "nope", field: "droplet")) { try fake.attachVolume(name: "v", toDroplet: "nope") }
        #expect(throws: FakeWorldError.duplicate(.droplet, "web-001", field: "to")) { try fake.renameDroplet(name: "web-001", to: "web-001") }
        #expect(throws: FakeWorldError.unknown(.droplet, "nope", field: "droplets")) {
            try fake.createFirewall(name: "fw", droplets: ["web-001", "nope"], tags: [], inbound: [], outbound: [])
        }
        #expect(throws: FakeWorldError.unknown(.project, "nope", field: "project")) {
            try fake.createDomain(name: "b.test", ttl: 60, project: "nope")
        }
        try fake.attachVolume(name: "v", toDroplet: "web-001")
        #expect(throws: FakeWorldError.conflict(.volumeStillAttached(volume: "v", droplet: "web-001"))) { try fake.deleteVolume(name: "v") }
        #expect(throws: FakeWorldError.self, "a listing shift that no longer applies is an error when applied strictly") {
            try fake.applyListingShift(.createDroplet(name: "web-001", size: "s-1vcpu-1gb", region: "nyc3"))
        }
    }

    @Test func anUncheckedCatalogueTakesAnySlugAndACheckedOneDoesNot() throws {
        let open = FakeDigitalOcean(seed: 1, start: start, checksCatalogue: false)
        try open.createDroplet(name: "a", size: "s", region: "r", tags: [], poweredOn: true, createdAt: nil, project: nil)
        try open.createVolume(name: "v", sizeGB: 1, region: "r", tags: [], project: nil)
        try open.attachVolume(name: "v", toDroplet: "a")
        #expect(throws: FakeWorldError.unknownSize("s")) {
            try FakeDigitalOcean(seed: 1, start: start).createDroplet(name: "a", size: "s", region: "nyc3", tags: [], poweredOn: true,
                                                                     createdAt: nil, project: nil)
        }
    }

    @Test func theImpliedDefaultProjectIsListedAndMadeWhenNamed() async throws {
        let fake = FakeDigitalOcean(seed: 1, start: start)
        try fake.createProject(name: "ops", description: "", environment: nil, isDefault: false)
        #expect(fake.projectNames == ["ops", "Default"])
        try fake.createDomain(name: "a.test", ttl: 60, project: "Default")
        #expect(fake.projectNames == ["ops", "Default"])
        #expect(try await fake.client.projects().items.map(\.name) == ["ops", "Default"])
    }

    @Test func csvColumnsMayBeAnyChoiceWithTheRequiredFive() throws {
        let fake = FakeDigitalOcean(seed: 1, start: start)
        try fake.setInvoiceCSVColumns([.usd, .product, .description, .start, .end])
        #expect(throws: FakeWorldError.self) { try fake.setInvoiceCSVColumns([.product, .description, .start, .end]) }
    }
}
