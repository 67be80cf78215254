import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime
import Testing

/// Spaces buckets, databases, clusters and apps: visible only as project resources, under DO's URNs.
@Suite struct FakeProjectOnlyResourceTests {
    @Test func theyAreListedOnlyAsProjectResourcesUnderDOsURNs() async throws {
        let fake = FakeDigitalOcean(seed: 5, start: start)
        let data = try fake.createProject(name: "data", description: "", environment: nil, isDefault: true)
        try fake.createSpacesBucket(name: "assets", region: "syd1", sizeGB: 10, project: nil)
        try fake.createDatabase(name: "orders", region: "syd1", project: nil)
        try fake.createK8sCluster(name: "ci", region: nil, project: nil)
        try fake.createApp(name: "shop", region: nil, project: nil)
        let resources = try await fake.client.projectResources(projectID: data).items
        let urns = resources.map(\.urn)
        #expect(urns.count == 4 && urns[0] == "do:space:assets")
        #expect(urns[1] == (try fake.urn(ofDatabase: "orders")) && urns[1].hasPrefix("do:dbaas:"))
        #expect(urns[2].hasPrefix("do:kubernetes:") && urns[3].hasPrefix("do:app:"))
        #expect(resources[0].links?.selfURL == "https://assets.syd1.digitaloceanspaces.com")
        #expect(resources[1].links?.selfURL == "https://api.digitalocean.com/v2/databases/" + urns[1].dropFirst("do:dbaas:".count))
        #expect(fake.get("/v2/droplets").status == 200 && fake.get("/v2/spaces").status == 404, "no /v2 listing exists for them")
    }

    @Test func movingAndDeletingChangeTheProjectsLists() async throws {
        let fake = FakeDigitalOcean(seed: 5, start: start)
        let a = try fake.createProject(name: "a", description: "", environment: nil, isDefault: true)
        let b = try fake.createProject(name: "b", description: "", environment: nil, isDefault: false)
        try fake.createDatabase(name: "orders", region: nil, project: nil)
        let urn = try fake.urn(ofDatabase: "orders")
        try fake.move(.database("orders"), toProject: "b")
        #expect(try await fake.client.projectResources(projectID: a).items.isEmpty)
        #expect(try await fake.client.projectResources(projectID: b).items.map(\.urn) == [urn])
        try fake.deleteDatabase(name: "orders")
        #expect(try await fake.client.projectResources(projectID: b).items.isEmpty)
        #expect(throws: FakeWorldError.unknown(.database, "orders")) { try fake.deleteDatabase(name: "orders") }
    }

    @Test func bucketNamesFollowDOsRules() throws {
        let fake = FakeDigitalOcean(seed: 5, start: start)
        #expect(throws: FakeWorldError.invalidArgument("'Assets' is not a Spaces bucket name: 3-63 lowercase letters, digits and '-'")) {
            try fake.createSpacesBucket(name: "Assets", region: "syd1", project: nil)
        }
        try fake.createSpacesBucket(name: "assets", region: "syd1", project: nil)
        #expect(throws: FakeWorldError.duplicate(.spacesBucket, "assets")) {
            try fake.createSpacesBucket(name: "assets", region: "nyc3", project: nil)
        }
    }
}

extension FakeProjectOnlyResourceTests {
    @Test func aBucketRecreatedUnderItsOldNameIsBilledAsOneSubscription() throws {
        let fake = FakeDigitalOcean(seed: 5, start: start)
        try fake.createSpacesBucket(name: "assets", region: "syd1", project: nil)
        fake.advance(to: start + 3_600)
        try fake.deleteSpacesBucket(name: "assets")
        fake.advance(to: start + 7_200)
        try fake.createSpacesBucket(name: "assets", region: "syd1", project: nil)
        fake.advance(to: start + 4 * 3_600)
        let items = try #require(try fake.get("/v2/customers/my/invoices/preview").json()["invoice_items"] as? [[String: Any]])
        // Buckets existed 00:00-01:00 and 02:00-04:00: 3 h x 500 / 672 = 2.23 -> 2 cents, one line.
        #expect(items.map { $0["product"] as? String } == ["Spaces Subscription"])
        #expect(items.first?["duration"] as? String == "3" && items.first?["amount"] as? String == "0.02")
    }
}
