import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime
import Testing

/// The default project, and resources being in exactly one project.
@Suite struct FakeProjectTests {
    @Test func defaultProjectIsCreatedOnDemand() async throws {
        let fake = FakeDigitalOcean(seed: 11, start: start)
        #expect(try await fake.client.projects().items.isEmpty)
        let id = try fake.createDroplet(name: "db-1", size: "s-2vcpu-4gb", region: "fra1", tags: [], poweredOn: true,
                                        createdAt: nil, project: nil)
        let projects = try await fake.client.projects().items
        #expect(projects.count == 1)
        let project = projects[0]
        #expect(project.name == "Default" && project.description == "Default project" && project.isDefault)
        #expect(project.purpose == "Just trying out DigitalOcean" && project.environment == "Development")
        #expect(project.createdAt == start.iso8601 && project.ownerUUID.count == 40)
        #expect(try await fake.client.project(id: "default") == project)
        let resources = try await fake.client.projectResources(projectID: project.id).items
        #expect(resources == [ProjectResource(urn: "do:droplet:\(id)", assignedAt: start.iso8601,
                                              links: .init(selfURL: "https://api.digitalocean.com/v2/droplets/\(id)"), status: "ok")])
    }

    @Test func explicitDefaultProjectIsUsed() async throws {
        let fake = FakeDigitalOcean(seed: 11, start: start)
        let id = try fake.createProject(name: "platform", description: "Hosting", environment: "Production", isDefault: true)
        try fake.createDomain(name: "example.test", ttl: 1800, project: nil)
        let projects = try await fake.client.projects().items
        #expect(projects.map(\.name) == ["platform"] && projects[0].id == id)
        #expect(try await fake.client.projectResources(projectID: "default").items.map(\.urn) == ["do:domain:example.test"])
    }

    @Test func newDefaultProjectDemotesTheOldOne() async throws {
        let fake = try fakeWithDroplets(1)
        fake.advance(to: start + 600)
        try fake.createProject(name: "main", description: "", environment: nil, isDefault: true)
        let projects = try await fake.client.projects().items
        #expect(projects.map(\.name) == ["Default", "main"])
        #expect(projects.map(\.isDefault) == [false, true])
        #expect(projects[0].updatedAt == (start + 600).iso8601 && projects[0].createdAt == start.iso8601)
        #expect(projects[1].environment == nil)
    }

    @Test func resourcesMoveBetweenProjectsAndVanishWhenDestroyed() async throws {
        let fake = FakeDigitalOcean(seed: 11, start: start)
        let tenantA = try fake.createProject(name: "tenant-a", description: "A", environment: "Production", isDefault: false)
        let tenantB = try fake.createProject(name: "tenant-b", description: "B", environment: "Staging", isDefault: false)
        let web = try fake.createDroplet(name: "web", size: "s-1vcpu-1gb", region: "ams3", tags: [], poweredOn: true,
                                         createdAt: nil, project: "tenant-a")
        try fake.createDomain(name: "a.test", ttl: 1800, project: "tenant-a")
        #expect(try await fake.client.projectResources(projectID: tenantA).items.map(\.urn) == ["do:droplet:\(web)", "do:domain:a.test"])

        fake.advance(to: start + 3_600)
        let before = fake.revision
        try fake.assignDroplet(name: "web", toProject: "tenant-b")
        #expect(fake.revision > before)
        #expect(try await fake.client.projectResources(projectID: tenantA).items.map(\.urn) == ["do:domain:a.test"])
        let moved = try await fake.client.projectResources(projectID: tenantB).items
        #expect(moved.map(\.urn) == ["do:droplet:\(web)"] && moved[0].assignedAt == (start + 3_600).iso8601)

        try fake.assignDomain(name: "a.test", toProject: "tenant-b")
        try fake.destroyDroplet(name: "web")
        try fake.deleteDomain(name: "a.test")
        #expect(try await fake.client.projectResources(projectID: tenantA).items.isEmpty)
        #expect(try await fake.client.projectResources(projectID: tenantB).items.isEmpty)
        #expect(try await fake.client.droplets().items.isEmpty)
    }

    @Test func assigningToUnknownProjectFails() throws {
        let fake = try fakeWithDroplets(1)
        #expect(throws: FakeWorldError.unknown(.project, "nope", field: "project")) { try fake.assignDroplet(name: "web-001", toProject: "nope") }
        #expect(throws: FakeWorldError.unknown(.project, "nope", field: "project")) {
            try fake.createDroplet(name: "x", size: "s-1vcpu-1gb", region: "nyc3", tags: [], poweredOn: true, createdAt: nil, project: "nope")
        }
    }
}
