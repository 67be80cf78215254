import ArcadiaCore
import CoreTestSupport
import DigitalOcean
import FakeDigitalOcean
import GRDB
import MoneyAndTime
import Testing

/// The projects pass discovers kinds no worker lists, as placeholders that go stale by three strikes.
@Suite struct ProjectDiscoveryTests {
    let ledger = try! Ledger()
    let t0 = InventoryFixtures.t0

    func sync(_ fake: FakeDigitalOcean, at minutes: Int64) -> InventorySync {
        fake.advance(to: t0 + minutes * 60)
        let client = DigitalOceanClient(transport: fake.transport, token: FakeDigitalOcean.defaultToken)
        return InventorySync(client: client, ledger: ledger, clock: .fixed(t0 + minutes * 60))
    }

    func rows() throws -> [String] {
        try ledger.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.kind, r.name, r.status, r.missed_listings, r.stale_at IS NOT NULL AS stale, p.name AS project, r.attributes
                FROM cloud_resources r LEFT JOIN cloud_projects p ON p.id = r.project_id ORDER BY r.kind, r.name
                """).map { row in
                "\(row["kind"] as String) \(row["name"] as String) \(row["status"] as String) missed=\(row["missed_listings"] as Int)"
                    + "\((row["stale"] as Bool) ? " stale" : "") \(row["project"] as String? ?? "-") \(row["attributes"] as String)"
            }
        }
    }

    func world() throws -> (FakeDigitalOcean, data: String, lab: String) {
        let fake = FakeDigitalOcean(seed: 17, start: t0)
        let data = try fake.createProject(name: "data", description: "", environment: nil, isDefault: true)
        let lab = try fake.createProject(name: "lab", description: "", environment: nil, isDefault: false)
        try fake.createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "syd1", tags: [], poweredOn: true, createdAt: nil, project: nil)
        try fake.createSpacesBucket(name: "assets", region: "syd1", sizeGB: 10, project: nil)
        try fake.createDatabase(name: "orders", region: "syd1", project: "lab")
        try fake.createApp(name: "shop", region: nil, project: nil)
        return (fake, data, lab)
    }

    @Test func placeholdersAreForKindsNoWorkerLists() {
        #expect(ProjectDiscovery.placeholder(urn: "do:droplet:1", type: "droplet", id: "1") == nil)
        #expect(ProjectDiscovery.placeholder(urn: "do:loadbalancer:u", type: "loadbalancer", id: "u") == nil)
        #expect(ProjectDiscovery.placeholder(urn: "do:volumesnapshot:s", type: "volumesnapshot", id: "s") == nil)
        #expect(ProjectDiscovery.placeholder(urn: "do:space:logs", type: "space", id: "logs")
            == ObservedResource(kind: .spacesBucket, providerID: "logs", name: "logs", status: "discovered", attributes: ["urn": "do:space:logs"]))
        #expect(ProjectDiscovery.placeholder(urn: "do:App:a1", type: "App", id: "a1")
            == ObservedResource(kind: "app", providerID: "a1", name: "a1", status: "discovered",
                                attributes: ["urn": "do:App:a1", "urn_type_known": false]))
    }

    @Test func thePassDiscoversAttributesAndReportsUnknownTypes() async throws {
        let (fake, _, _) = try world()
        let first = try await sync(fake, at: 0).syncProjects()
        #expect(first.attribution.notYetSynced == 1, "the droplet waits for its own worker; it is never a placeholder")
        #expect(first.attribution.unknownTypes == ["app"])
        #expect(first.outcome.created == 2 + 3, "two projects, three placeholders")
        _ = try await sync(fake, at: 1).syncDroplets()
        let second = try await sync(fake, at: 2).syncProjects()
        #expect(second.isSettled && second.attribution.attributed == 1)
        let orders = try fake.urn(ofDatabase: "orders").dropFirst("do:dbaas:".count)
        let listed = try rows()
        #expect(listed.count == 4)
        #expect(listed.contains { $0.hasPrefix("app ") && $0.contains(" discovered missed=0 data ") && $0.hasSuffix(#","urn_type_known":false}"#) })
        #expect(listed.contains { $0.hasPrefix("droplet web-1 active missed=0 data ") })
        #expect(listed.contains(#"managed_db \#(orders) discovered missed=0 lab {"urn":"do:dbaas:\#(orders)"}"#))
        #expect(listed.contains(#"spaces_bucket assets discovered missed=0 data {"urn":"do:space:assets"}"#))
    }

    @Test func aVanishedURNGoesStaleAtTheThirdCompletePassAndAFailedListingCountsNothing() async throws {
        let (fake, _, lab) = try world()
        _ = try await sync(fake, at: 0).syncDroplets()
        _ = try await sync(fake, at: 0).syncProjects()
        try fake.deleteDatabase(name: "orders")
        #expect(try await sync(fake, at: 15).syncProjects().outcome.missed == 1)
        // The lab project's resource listing fails: the pass is incomplete and counts no miss,
        // not even for the bucket whose own project listed fine.
        fake.injectFault(path: "/v2/projects/\(lab)/resources", page: nil, status: 500, times: 1)
        let failed = try await sync(fake, at: 30).syncProjects()
        #expect(!failed.complete && failed.failures.count == 1 && failed.outcome.missed == 0 && !failed.isSettled)
        #expect(try rows().contains { $0.hasPrefix("managed_db ") && $0.contains(" missed=1 lab ") })
        #expect(try await sync(fake, at: 45).syncProjects().outcome.pendingMisses == 1)
        let last = try await sync(fake, at: 60).syncProjects()
        #expect(last.outcome.markedStale == 1 && last.isSettled)
        #expect(try rows().contains { $0.hasPrefix("managed_db ") && $0.contains(" missed=3 stale lab ") })
        #expect(try rows().filter { $0.contains(" stale ") }.count == 1, "the bucket and the app stay")
    }

    @Test func anUnknownKindThatDisappearsGoesStaleToo() async throws {
        let (fake, _, _) = try world()
        _ = try await sync(fake, at: 0).syncProjects()
        try fake.deleteApp(name: "shop")
        for minutes: Int64 in [15, 30, 45] {
            _ = try await sync(fake, at: minutes).syncProjects()
        }
        #expect(try rows().contains { $0.hasPrefix("app ") && $0.contains(" missed=3 stale ") })
    }
}
