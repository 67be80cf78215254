import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing

/// Issue 15's reads: page links rooted where the request was sent, the endpoints a provisioning
/// client reads first, DO's filters honoured (not ignored), and DO's full region list.
@Suite struct FakeReadEndpointTests {
    /// Two droplets (one tagged `env:prod`, with weekly backups and a snapshot), a volume, a domain,
    /// a firewall on the tag; no project marked default.
    private static func world() throws -> FakeDigitalOcean {
        let fake = FakeDigitalOcean(seed: 5, start: start)
        try fake.createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "nyc3", tags: ["env:prod"], poweredOn: true, createdAt: nil, project: nil)
        try fake.createDroplet(name: "db-1", size: "s-1vcpu-1gb", region: "sfo2", tags: [], poweredOn: true, createdAt: nil, project: nil)
        try fake.enableBackups(droplet: "web-1", plan: .weekly, weekday: 1, hour: 4)
        try fake.takeDropletSnapshot(droplet: "web-1", name: "web-1-before")
        try fake.createVolume(name: "data", sizeGB: 100, region: "nyc3", tags: ["env:prod"], project: nil)
        try fake.createDomain(name: "example.com", ttl: 1800, project: nil)
        try fake.createFirewall(name: "prod", droplets: [], tags: ["env:prod"], inbound: [], outbound: [])
        return fake
    }

    private func page(_ response: APIResponse, _ key: String) throws -> [[String: Any]] {
        #expect(response.status == 200, "\(response.text)")
        return try #require(try response.json()[key] as? [[String: Any]], "\(response.text)")
    }

    @Test func servedPageLinksNameTheRequestsOriginAndInProcessOnesNameDO() throws {
        let fake = try fakeWithDroplets(450)
        let request = APIRequest(path: "/v2/droplets", query: [QueryItem("page", "2"), QueryItem("per_page", "200"), QueryItem("tag_name", "even")],
                                 headers: ["authorization": "Bearer \(FakeDigitalOcean.defaultToken)"])
        let served = try #require(try fake.respond(to: request, origin: "https://127.0.0.1:8443").json()["links"] as? [String: Any])
        #expect((served["pages"] as? [String: String])?["prev"] == "https://127.0.0.1:8443/v2/droplets?page=1&per_page=200&tag_name=even")
        // Same request in process, after the served one (the response cache must not mix them up).
        let inProcess = try #require(try fake.respond(to: request).json()["links"] as? [String: Any])
        #expect((inProcess["pages"] as? [String: String])?["prev"] == "https://api.digitalocean.com/v2/droplets?page=1&per_page=200&tag_name=even")
        let fromAnotherPort = try #require(try fake.respond(to: request, origin: "http://localhost:9").json()["links"] as? [String: Any])
        #expect((fromAnotherPort["pages"] as? [String: String])?["first"] == "http://localhost:9/v2/droplets?page=1&per_page=200&tag_name=even")
    }

    @Test func accountTagsVPCsAndTheImpliedDefaultProjectAnswer() throws {
        let fake = try Self.world()
        let account = try #require(try fake.get("/v2/account").json()["account"] as? [String: Any])
        #expect(account["status"] as? String == "active" && (account["uuid"] as? String)?.count == 40)

        let tags = try page(fake.get("/v2/tags"), "tags")
        #expect(tags.map { $0["name"] as? String } == ["env:prod"])
        let resources = try #require(tags.first?["resources"] as? [String: Any])
        #expect(resources["count"] as? Int == 2)
        #expect((resources["droplets"] as? [String: Any])?["count"] as? Int == 1)
        #expect((resources["volumes"] as? [String: Any])?["count"] as? Int == 1)
        #expect(fake.get("/v2/tags/env:prod").status == 200 && fake.get("/v2/tags/nope").status == 404)

        let vpcs = try page(fake.get("/v2/vpcs"), "vpcs")
        #expect(vpcs.map { $0["region"] as? String } == ["nyc3", "sfo2"])
        #expect(vpcs.allSatisfy { $0["default"] as? Bool == true && ($0["urn"] as? String)?.hasPrefix("do:vpc:") == true })
        let droplet = try #require(try fake.get("/v2/droplets/\(fake.dropletID(name: "web-1"))").json()["droplet"] as? [String: Any])
        #expect(droplet["vpc_uuid"] as? String == vpcs.first?["id"] as? String, "a droplet's VPC is listed")

        // What landed in no named project is in the default one, made when the first of it landed:
        // two droplets, the volume, the domain and the snapshot.
        #expect(try page(fake.get("/v2/projects/default/resources"), "resources").count == 5)

        // An account with nothing in it has a default project too, shown without being made.
        let empty = FakeDigitalOcean(seed: 5, start: start)
        let project = try #require(try empty.get("/v2/projects/default").json()["project"] as? [String: Any])
        #expect(project["name"] as? String == "Default" && project["is_default"] as? Bool == true)
        #expect(try page(empty.get("/v2/projects/default/resources"), "resources").isEmpty)
        #expect(try page(empty.get("/v2/projects"), "projects").isEmpty, "a read never changes the world")
        #expect(empty.get("/v2/projects/default").text == empty.get("/v2/projects/default").text, "the implied project is stable")
    }

    @Test func aDropletsPartsAnswerInDOsShapes() throws {
        let fake = try Self.world()
        let web = try fake.dropletID(name: "web-1"), db = try fake.dropletID(name: "db-1")
        let snapshots = try page(fake.get("/v2/droplets/\(web)/snapshots"), "snapshots")
        #expect(snapshots.map { $0["name"] as? String } == ["web-1-before"])
        #expect(snapshots.first?["id"] is Int && snapshots.first?["type"] as? String == "snapshot")
        #expect(try page(fake.get("/v2/droplets/\(db)/snapshots"), "snapshots").isEmpty)

        let policy = try #require(try fake.get("/v2/droplets/\(web)/backups/policy").json()["policy"] as? [String: Any])
        #expect(policy["backup_enabled"] as? Bool == true && policy["droplet_id"] as? Int == web)
        let plan = try #require(policy["backup_policy"] as? [String: Any])
        #expect(plan["plan"] as? String == "weekly" && plan["weekday"] as? String == "MON" && plan["hour"] as? Int == 4)
        #expect(plan["retention_period_days"] as? Int == 28 && plan["window_length_hours"] as? Int == 4)
        let off = try #require(try fake.get("/v2/droplets/\(db)/backups/policy").json()["policy"] as? [String: Any])
        #expect(off["backup_enabled"] as? Bool == false && off["backup_policy"] == nil)

        #expect(try page(fake.get("/v2/droplets/\(web)/firewalls"), "firewalls").map { $0["name"] as? String } == ["prod"], "by tag")
        #expect(try page(fake.get("/v2/droplets/\(db)/firewalls"), "firewalls").isEmpty)
        #expect(try page(fake.get("/v2/droplets/\(web)/actions"), "actions").isEmpty)
        #expect(try page(fake.get("/v2/droplets/\(web)/kernels"), "kernels").isEmpty)
        #expect(try page(fake.get("/v2/droplets/\(web)/neighbors"), "droplets").isEmpty)
        #expect(fake.get("/v2/droplets/\(web)/nope").status == 404 && fake.get("/v2/droplets/1/snapshots").status == 404)
    }

    @Test func imagesAndDomainRecordsAnswerWithTheirFilters() throws {
        let fake = try Self.world()
        let images = try page(fake.get("/v2/images"), "images")
        #expect(images.map { $0["type"] as? String } == ["base", "snapshot"])
        #expect(try page(fake.get("/v2/images", [QueryItem("private", "true")]), "images").map { $0["name"] as? String } == ["web-1-before"])
        #expect(try page(fake.get("/v2/images", [QueryItem("type", "distribution")]), "images").map { $0["slug"] as? String } == ["ubuntu-24-04-x64"])
        #expect(try page(fake.get("/v2/images", [QueryItem("type", "application")]), "images").isEmpty)
        #expect(fake.get("/v2/images/ubuntu-24-04-x64").status == 200 && fake.get("/v2/images/1").status == 404)

        let records = try page(fake.get("/v2/domains/example.com/records"), "domain_records")
        #expect(records.map { $0["type"] as? String } == ["SOA", "NS", "NS", "NS"])
        #expect(records.dropFirst().map { $0["data"] as? String } == ["ns1.digitalocean.com", "ns2.digitalocean.com", "ns3.digitalocean.com"])
        #expect(try page(fake.get("/v2/domains/example.com/records", [QueryItem("type", "NS")]), "domain_records").count == 3)
        #expect(try page(fake.get("/v2/domains/example.com/records", [QueryItem("name", "www.example.com")]), "domain_records").isEmpty)
        let id = try #require(records.first?["id"] as? Int)
        #expect(fake.get("/v2/domains/example.com/records/\(id)").status == 200)
        #expect(fake.get("/v2/domains/nope.com/records").status == 404)
    }

    @Test func filtersNarrowTheListingInsteadOfBeingIgnored() throws {
        let fake = try Self.world()
        #expect(try page(fake.get("/v2/droplets", [QueryItem("name", "nope")]), "droplets").isEmpty)
        #expect(try page(fake.get("/v2/droplets", [QueryItem("name", "WEB-1")]), "droplets").map { $0["name"] as? String } == ["web-1"])
        #expect(try page(fake.get("/v2/droplets", [QueryItem("type", "gpus")]), "droplets").isEmpty)
        #expect(try page(fake.get("/v2/droplets", [QueryItem("type", "droplets")]), "droplets").count == 2)
        #expect(fake.get("/v2/droplets", [QueryItem("type", "nope")]).status == 400)
        #expect(try page(fake.get("/v2/volumes", [QueryItem("name", "nope")]), "volumes").isEmpty)
        #expect(try page(fake.get("/v2/volumes", [QueryItem("name", "data"), QueryItem("region", "nyc3")]), "volumes").count == 1)
        #expect(try page(fake.get("/v2/volumes", [QueryItem("name", "data"), QueryItem("region", "sfo2")]), "volumes").isEmpty)
    }

    @Test func filtersStayInThePageLinks() throws {
        let fake = try fakeWithDroplets(30)
        let object = try fake.get("/v2/droplets", [QueryItem("per_page", "10"), QueryItem("type", "droplets")]).json()
        let pages = try #require((object["links"] as? [String: Any])?["pages"] as? [String: String])
        #expect(pages["next"] == "https://api.digitalocean.com/v2/droplets?page=2&per_page=10&type=droplets")
    }

    @Test func theRegionListHasDOsOlderRegionsAndDropletsCanLiveThere() throws {
        let fake = FakeDigitalOcean(seed: 1, start: start)
        let regions = try page(fake.get("/v2/regions", [QueryItem("per_page", "200")]), "regions")
        let slugs = regions.compactMap { $0["slug"] as? String }
        for old in ["nyc2", "sfo1", "sfo2", "ams2"] { #expect(slugs.contains(old)) }
        #expect(slugs.count == 14 && Set(slugs).count == 14)
        #expect(regions.first { $0["slug"] as? String == "ams2" }?["name"] as? String == "Amsterdam 2")
        try fake.createDroplet(name: "old", size: "s-1vcpu-1gb", region: "nyc2", tags: [], poweredOn: true, createdAt: nil, project: nil)
    }
}

/// Snapshots as project members: DO's URNs, the default project on creation, moved, and gone
/// from the project when deleted.
@Suite struct FakeSnapshotProjectTests {
    @Test func snapshotsJoinTheDefaultProjectWithDOsURNsAndMoveAndLeave() throws {
        let fake = FakeDigitalOcean(seed: 8, start: start)
        try fake.createProject(name: "shop", description: "", environment: nil, isDefault: false)
        try fake.createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "nyc3", tags: [], poweredOn: true, createdAt: nil, project: "shop")
        try fake.createVolume(name: "data", sizeGB: 10, region: "nyc3", tags: [], project: "shop")
        let image = try fake.takeDropletSnapshot(droplet: "web-1", name: "web-1-snap")
        let volumeSnapshot = try fake.takeVolumeSnapshot(volume: "data", name: "data-snap")
        func urns(_ project: String) throws -> [String] {
            try (fake.get("/v2/projects/\(project)/resources").json()["resources"] as? [[String: Any]] ?? []).compactMap { $0["urn"] as? String }
        }
        #expect(try urns("default") == ["do:image:\(image)", "do:volumesnapshot:\(volumeSnapshot)"])
        try fake.move(.snapshot("web-1-snap"), toProject: "shop")
        let shop = try #require(try (fake.get("/v2/projects").json()["projects"] as? [[String: Any]])?.first { $0["name"] as? String == "shop" }?["id"] as? String)
        #expect(try urns(shop).contains("do:image:\(image)") && urns("default") == ["do:volumesnapshot:\(volumeSnapshot)"])
        try fake.deleteSnapshot(name: "data-snap")
        #expect(try urns("default").isEmpty)
    }
}
