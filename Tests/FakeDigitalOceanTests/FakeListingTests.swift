import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing

/// The fake's pagination, read both raw and through the real client.
@Suite struct FakeListingTests {
    @Test func realClientListsAllDropletsOverThreePages() async throws {
        let fake = try fakeWithDroplets(450)
        let listing = try await fake.client.droplets()
        #expect(listing.items.count == 450 && listing.total == 450 && listing.pageCount == 3)
        #expect(listing.items.first?.name == "web-001" && listing.items.last?.name == "web-450")
        #expect(listing.items.map(\.id) == listing.items.map(\.id).sorted())
        #expect(Set(listing.items.map(\.id)).count == 450)
        #expect(listing.items.first?.createdAt == (start - 449 * 60).iso8601)
        #expect(listing.rateLimit == RateLimit(limit: 5000, remaining: 4997, reset: start + 3600))
        #expect(fake.requestCount == 3)
    }

    /// After a droplet changes in place, the listing's other pages are served as the very buffers
    /// served before (the client's memo then skips them unread); the page that shows the change,
    /// and every page once `meta.total` moves, is written anew, with the bytes a fake that never
    /// cached anything serves.
    @Test func unchangedPagesAreServedAgainAsTheSameBuffer() throws {
        let fake = try fakeWithDroplets(450)
        let fresh = try fakeWithDroplets(450)
        func pages(_ fake: FakeDigitalOcean) -> [Data] {
            (1...3).map { fake.get("/v2/droplets", [QueryItem("page", "\($0)"), QueryItem("per_page", "200")]).body }
        }
        func isSameBuffer(_ a: Data, _ b: Data) -> Bool {
            a.withUnsafeBytes { mine in b.withUnsafeBytes { theirs in mine.baseAddress == theirs.baseAddress } }
        }
        let first = pages(fake)
        try fake.resizeDroplet(name: "web-250", size: "s-2vcpu-2gb")
        try fresh.resizeDroplet(name: "web-250", size: "s-2vcpu-2gb")
        let resized = pages(fake)
        #expect(isSameBuffer(resized[0], first[0]) && isSameBuffer(resized[2], first[2]))
        #expect(!isSameBuffer(resized[1], first[1]) && resized[1] != first[1])
        try fake.renameDroplet(name: "web-100", to: "web-10x")
        try fresh.renameDroplet(name: "web-100", to: "web-10x")
        let renamed = pages(fake)
        #expect(renamed[0] != resized[0] && renamed[0].count == resized[0].count, "same length, other bytes: written anew")
        #expect(isSameBuffer(renamed[1], resized[1]) && isSameBuffer(renamed[2], resized[2]))
        #expect(renamed == pages(fresh))
        try fake.createDroplet(name: "web-451", size: "s-1vcpu-1gb", region: "nyc3", tags: [], poweredOn: true, createdAt: nil, project: nil)
        try fresh.createDroplet(name: "web-451", size: "s-1vcpu-1gb", region: "nyc3", tags: [], poweredOn: true, createdAt: nil, project: nil)
        let created = pages(fake)
        #expect(zip(created, renamed).allSatisfy { !isSameBuffer($0, $1) && $0 != $1 }, "meta.total moved on every page")
        #expect(created == pages(fresh))
    }

    /// The droplet listings and each project's resources are written from JSON kept across
    /// changes (each droplet's by version, each project's list while it is the same list). After
    /// each kind of change, every page, filter and single droplet must be what a fake that never
    /// served anything serves.
    @Test func keptJSONServesWhatAFakeThatNeverServedServes() throws {
        let steps: [(note: String, change: (FakeDigitalOcean) throws -> Void)] = [
            ("nothing", { _ in }),
            ("a resize", { try $0.resizeDroplet(name: "web-120", size: "s-2vcpu-2gb") }),
            ("a tag", { try $0.tagDroplet(name: "web-121", tags: ["even"]) }),
            ("a create in a project", {
                try $0.createDroplet(name: "api-1", size: "s-1vcpu-1gb", region: "nyc3", tags: ["even"], poweredOn: true, createdAt: nil,
                                     project: "api")
            }),
            ("a destroy", { try $0.destroyDroplet(name: "web-007") }),
            ("a move", { try $0.move(.droplet("web-002"), toProject: "api") }),
            ("a rename", { try $0.renameDroplet(name: "web-121", to: "web-12x") }),
        ]
        func make(after count: Int) throws -> FakeDigitalOcean {
            let fake = try fakeWithDroplets(250)
            try fake.createProject(name: "api", description: "", environment: nil, isDefault: false)
            for step in steps.prefix(count) { try step.change(fake) }
            return fake
        }
        func served(_ fake: FakeDigitalOcean) throws -> [String] {
            var paths: [(String, [QueryItem])] = (1...3).map { ("/v2/droplets", [QueryItem("page", "\($0)"), QueryItem("per_page", "100")]) }
            paths += [("/v2/droplets", [QueryItem("tag_name", "even")]), ("/v2/droplets", [QueryItem("name", "WEB-120")])]
            paths += try ["web-120", "web-200"].map { ("/v2/droplets/\(try fake.dropletID(name: $0))", []) }
            let projects = try #require(try fake.get("/v2/projects").json()["projects"] as? [[String: Any]])
            paths += projects.compactMap { $0["id"] as? String }.sorted().map { ("/v2/projects/\($0)/resources", [QueryItem("per_page", "200")]) }
            return paths.map { fake.get($0.0, $0.1).text }
        }
        let fake = try make(after: 0)
        for count in 1...steps.count {
            try steps[count - 1].change(fake)
            #expect(try served(fake) == served(make(after: count)), "after \(steps[count - 1].note)")
        }
    }

    @Test func pageTwoLinksAreExact() throws {
        let fake = try fakeWithDroplets(450)
        let response = fake.get("/v2/droplets", [QueryItem("page", "2"), QueryItem("per_page", "200")])
        #expect(response.status == 200)
        let object = try response.json()
        let links = try #require(object["links"] as? [String: Any])
        let pages = try #require(links["pages"] as? [String: String])
        #expect(pages == [
            "first": "https://api.digitalocean.com/v2/droplets?page=1&per_page=200",
            "prev": "https://api.digitalocean.com/v2/droplets?page=1&per_page=200",
            "next": "https://api.digitalocean.com/v2/droplets?page=3&per_page=200",
            "last": "https://api.digitalocean.com/v2/droplets?page=3&per_page=200",
        ])
        #expect((object["meta"] as? [String: Int]) == ["total": 450])
        #expect((object["droplets"] as? [Any])?.count == 200)
        #expect(response.text.hasPrefix(#"{"droplets":[{"#))
    }

    @Test func firstAndLastPagesCarryOnlyTheirLinks() throws {
        let fake = try fakeWithDroplets(450)
        let first = try fake.get("/v2/droplets", [QueryItem("per_page", "200")]).json()
        #expect(((first["links"] as? [String: Any])?["pages"] as? [String: String]) == [
            "next": "https://api.digitalocean.com/v2/droplets?page=2&per_page=200",
            "last": "https://api.digitalocean.com/v2/droplets?page=3&per_page=200",
        ])
        let last = try fake.get("/v2/droplets", [QueryItem("page", "3"), QueryItem("per_page", "200")]).json()
        #expect(((last["links"] as? [String: Any])?["pages"] as? [String: String])?.keys.sorted() == ["first", "prev"])
        #expect((last["droplets"] as? [Any])?.count == 50)
    }

    @Test func defaultsClampingAndPastTheEnd() throws {
        let fake = try fakeWithDroplets(450)
        let defaulted = try fake.get("/v2/droplets").json()
        #expect((defaulted["droplets"] as? [Any])?.count == 20)
        #expect(((defaulted["links"] as? [String: Any])?["pages"] as? [String: String])?["last"]
            == "https://api.digitalocean.com/v2/droplets?page=23&per_page=20")
        let clamped = try fake.get("/v2/droplets", [QueryItem("per_page", "1000")]).json()
        #expect((clamped["droplets"] as? [Any])?.count == 200)
        let past = fake.get("/v2/droplets", [QueryItem("page", "9"), QueryItem("per_page", "200")])
        #expect(past.status == 200)
        let pastObject = try past.json()
        #expect((pastObject["droplets"] as? [Any])?.isEmpty == true)
        #expect((pastObject["meta"] as? [String: Int]) == ["total": 450])
    }

    @Test func badPageParametersAre400() throws {
        let fake = try fakeWithDroplets(3)
        for query in [[QueryItem("page", "0")], [QueryItem("per_page", "-5")], [QueryItem("page", "two")]] {
            let response = fake.get("/v2/droplets", query)
            #expect(response.status == 400)
            #expect(try response.json()["id"] as? String == "bad_request")
        }
    }

    @Test func singlePageHasEmptyLinks() throws {
        let fake = try fakeWithDroplets(3)
        let response = fake.get("/v2/droplets", [QueryItem("page", "1"), QueryItem("per_page", "200")])
        #expect(response.text.hasSuffix(#"],"links":{},"meta":{"total":3}}"#))
    }

    @Test func tagFilterKeepsFilterInLinks() async throws {
        let fake = try fakeWithDroplets(450)
        let listing = try await fake.client.droplets(tagName: "even")
        #expect(listing.items.count == 225 && listing.items.allSatisfy { $0.tags == ["even"] })
        let page = try fake.get("/v2/droplets", [QueryItem("per_page", "200"), QueryItem("tag_name", "even")]).json()
        #expect(((page["links"] as? [String: Any])?["pages"] as? [String: String])?["next"]
            == "https://api.digitalocean.com/v2/droplets?page=2&per_page=200&tag_name=even")
    }

    @Test func domainsSizesAndRegionsList() async throws {
        let fake = FakeDigitalOcean(seed: 1, start: start)
        try fake.createDomain(name: "zeta.test", ttl: 1800, project: nil)
        try fake.createDomain(name: "alpha.test", ttl: 3600, project: nil)
        let domains = try await fake.client.domains()
        #expect(domains.items.map(\.name) == ["alpha.test", "zeta.test"])
        #expect(domains.items[0].ttl == 3600)
        #expect(domains.items[0].zoneFile?.hasPrefix("$ORIGIN alpha.test.\n$TTL 3600\nalpha.test. IN SOA ns1.digitalocean.com.") == true)
        let one = fake.get("/v2/domains/zeta.test")
        #expect(one.status == 200 && one.text.hasPrefix(#"{"domain":{"name":"zeta.test","ttl":1800,"zone_file":"#))

        let sizes = try await fake.client.sizes()
        let basic = try #require(sizes.items.first { $0.slug == "s-1vcpu-1gb" })
        #expect(basic.priceMonthly == 6 && basic.priceHourly == 0.00893 && basic.memory == 1024 && basic.disk == 25)
        #expect(sizes.items.first { $0.slug == "s-4vcpu-8gb" }?.priceHourly == 0.07143)
        #expect(sizes.items.first { $0.slug == "s-1vcpu-512mb-10gb" }?.priceHourly == 0.00595)
        let regions: Listing<Region> = try await fake.client.list(path: "/v2/regions", key: "regions")
        #expect(regions.items.first { $0.slug == "syd1" }?.name == "Sydney 1")
    }

    @Test func singleDropletMatchesListedOne() async throws {
        let fake = try fakeWithDroplets(5)
        let listed = try await fake.client.droplets().items[2]
        let fetched = try await fake.client.droplet(id: listed.id)
        #expect(fetched == listed)
        #expect(fetched.status == "active" && fetched.sizeSlug == "s-1vcpu-1gb" && fetched.region.slug == "nyc3")
        #expect(fetched.size.priceMonthly == 6 && fetched.memory == 1024 && fetched.vcpus == 1 && fetched.disk == 25)
        #expect(fetched.networks.v4.map(\.type) == ["private", "public"] && fetched.networks.v6.count == 1)
    }
}
