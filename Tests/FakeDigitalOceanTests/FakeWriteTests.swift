import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing

/// Issue 15's writes, in process: DO's status codes and bodies, DO's validation (each refusal a 422
/// with DO's error body that changes nothing), and the world change each write makes, named as the
/// scenario action that makes it.
@Suite struct FakeWriteTests {
    private static let headers = ["authorization": "Bearer \(FakeDigitalOcean.defaultToken)", "content-type": "application/json"]

    private func send(_ fake: FakeDigitalOcean, _ method: String, _ path: String, _ json: String? = nil) -> APIResponse {
        fake.respond(to: APIRequest(method: method, path: path, headers: Self.headers, body: json.map { Data($0.utf8) }))
    }

    private func create(_ fake: FakeDigitalOcean, _ name: String, region: String = "nyc3") throws -> Int {
        let response = send(fake, "POST", "/v2/droplets", #"{"name":"\#(name)","region":"\#(region)","size":"s-1vcpu-1gb","image":"ubuntu-24-04-x64"}"#)
        #expect(response.status == 202, "\(response.text)")
        return try #require((try response.json()["droplet"] as? [String: Any])?["id"] as? Int)
    }

    @Test func aDropletIsCreatedResizedSnapshottedAndDeletedWithDOsStatuses() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        let created = send(fake, "POST", "/v2/droplets", #"{"name":"web-1","region":"nyc3","size":"s-1vcpu-1gb","image":"ubuntu-24-04-x64","tags":["a"]}"#)
        #expect(created.status == 202)
        let object = try created.json()
        let droplet = try #require(object["droplet"] as? [String: Any])
        let id = try #require(droplet["id"] as? Int)
        #expect(droplet["status"] as? String == "active" && droplet["name"] as? String == "web-1")
        let links = try #require((object["links"] as? [String: Any])?["actions"] as? [[String: Any]])
        #expect(links.first?["rel"] as? String == "create")
        #expect((links.first?["href"] as? String)?.hasPrefix("https://api.digitalocean.com/v2/actions/") == true)

        let resizeOn = send(fake, "POST", "/v2/droplets/\(id)/actions", #"{"type":"resize","size":"s-2vcpu-2gb"}"#)
        #expect(resizeOn.status == 422 && resizeOn.text.contains("powered off"), "DO resizes only a powered-off droplet")
        #expect(send(fake, "POST", "/v2/droplets/\(id)/actions", #"{"type":"power_off"}"#).status == 201)
        let resize = send(fake, "POST", "/v2/droplets/\(id)/actions", #"{"type":"resize","size":"s-2vcpu-2gb"}"#)
        #expect(resize.status == 201)
        let action = try #require(try resize.json()["action"] as? [String: Any])
        #expect(action["status"] as? String == "completed" && action["type"] as? String == "resize" && action["resource_id"] as? Int == id)
        #expect(fake.get("/v2/actions/\(action["id"] as? Int ?? 0)").status == 200)
        #expect(try (fake.get("/v2/droplets/\(id)").json()["droplet"] as? [String: Any])?["size_slug"] as? String == "s-2vcpu-2gb")

        #expect(send(fake, "POST", "/v2/droplets/\(id)/actions", #"{"type":"snapshot","name":"before"}"#).status == 201)
        #expect(send(fake, "POST", "/v2/droplets/\(id)/actions", #"{"type":"enable_backups","backup_policy":{"plan":"daily","hour":4}}"#).status == 201)
        #expect(send(fake, "POST", "/v2/droplets/\(id)/actions", #"{"type":"rename","name":"web-2"}"#).status == 201)
        #expect(send(fake, "POST", "/v2/droplets/\(id)/actions", #"{"type":"power_on"}"#).status == 201)
        let delete = send(fake, "DELETE", "/v2/droplets/\(id)")
        #expect(delete.status == 204 && delete.body.isEmpty)
        #expect(fake.get("/v2/droplets/\(id)").status == 404)
        #expect(send(fake, "DELETE", "/v2/droplets/\(id)").status == 404)

        #expect(fake.recordedChanges.map(\.change) == [
            .createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "nyc3", tags: ["a"]),
            .powerOffDroplet(name: "web-1"), .resizeDroplet(name: "web-1", size: "s-2vcpu-2gb"),
            .snapshotDroplet(droplet: "web-1", name: "before"), .enableBackups(droplet: "web-1", plan: .daily, weekday: fake.recordedWeekday, hour: 4),
            .renameDroplet(name: "web-1", to: "web-2"), .powerOnDroplet(name: "web-2"), .destroyDroplet(name: "web-2"),
        ])
        #expect(fake.recordedChanges.allSatisfy { $0.at == start })
    }

    @Test func movingInTimeANewDropletIsNewAndItsActionInProgressForAMinute() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        fake.setActionDuration(seconds: 60)
        let id = try create(fake, "web-1")
        func status() throws -> String? { try (fake.get("/v2/droplets/\(id)").json()["droplet"] as? [String: Any])?["status"] as? String }
        func actionStatus() throws -> [String?] {
            try (fake.get("/v2/droplets/\(id)/actions").json()["actions"] as? [[String: Any]] ?? []).map { $0["status"] as? String }
        }
        #expect(try status() == "new" && actionStatus() == ["in-progress"])
        fake.advance(to: start + 59)
        #expect(try status() == "new" && actionStatus() == ["in-progress"])
        fake.advance(to: start + 60)
        #expect(try status() == "active" && actionStatus() == ["completed"])
        let action = try #require((try fake.get("/v2/droplets/\(id)/actions").json()["actions"] as? [[String: Any]])?.first)
        #expect(action["completed_at"] as? String == (start + 60).iso8601 && action["started_at"] as? String == start.iso8601)
    }

    @Test func refusalsAre422WithDOsBodyAndChangeNothing() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        _ = try create(fake, "web-1")
        _ = try create(fake, "far", region: "sfo2")
        let revision = fake.revision
        let refused: [(String, String, String?, String)] = [
            ("POST", "/v2/droplets", #"{"name":"web-1","region":"nyc3","size":"s-1vcpu-1gb","image":"x"}"#, "already named 'web-1'"),
            ("POST", "/v2/droplets", #"{"name":"web-9","region":"nyc3","size":"s-99","image":"x"}"#, "invalid size"),
            ("POST", "/v2/droplets", #"{"name":"web-9","region":"mars1","size":"s-1vcpu-1gb","image":"x"}"#, "invalid region"),
            ("POST", "/v2/droplets", #"{"name":"web-9","region":"nyc3","size":"s-1vcpu-1gb"}"#, "image is required"),
            ("POST", "/v2/droplets", #"{"region":"nyc3","size":"s-1vcpu-1gb","image":"x"}"#, "name is required"),
            ("POST", "/v2/volumes", #"{"name":"data","size_gigabytes":"ten","region":"nyc3"}"#, "size_gigabytes must be an integer"),
        ]
        for (method, path, body, message) in refused {
            let response = send(fake, method, path, body)
            #expect(response.status == 422, "\(path) \(body ?? ""): \(response.text)")
            let object = try response.json()
            #expect(object["id"] as? String == "unprocessable_entity" && (object["message"] as? String)?.contains(message) == true,
                    "\(response.text)")
            #expect(object["request_id"] is String)
        }
        #expect(send(fake, "POST", "/v2/droplets", "not json").status == 400)
        #expect(fake.revision == revision, "a refused write changes nothing")
        #expect(fake.recordedChanges.count == 2)
    }

    @Test func volumesAttachOnlyInTheirRegionAndDeleteOnlyDetached() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        let near = try create(fake, "near"), far = try create(fake, "far", region: "sfo2")
        let created = send(fake, "POST", "/v2/volumes", #"{"name":"data","size_gigabytes":10,"region":"nyc3","tags":["t"]}"#)
        #expect(created.status == 201)
        let id = try #require((try created.json()["volume"] as? [String: Any])?["id"] as? String)
        let wrongRegion = send(fake, "POST", "/v2/volumes/\(id)/actions", #"{"type":"attach","droplet_id":\#(far)}"#)
        #expect(wrongRegion.status == 422 && wrongRegion.text.contains("sfo2"))
        #expect(send(fake, "POST", "/v2/volumes/\(id)/actions", #"{"type":"attach","droplet_id":\#(near)}"#).status == 202)
        #expect(send(fake, "DELETE", "/v2/volumes/\(id)").status == 422, "attached")
        #expect(send(fake, "POST", "/v2/volumes/\(id)/actions", #"{"type":"detach","droplet_id":\#(near)}"#).status == 202)
        #expect(send(fake, "DELETE", "/v2/volumes/\(id)").status == 204)
        #expect(send(fake, "DELETE", "/v2/volumes/\(id)").status == 404)
        #expect(Array(fake.recordedChanges.map(\.change).suffix(4)) == [
            .createVolume(name: "data", sizeGB: 10, region: "nyc3", tags: ["t"]), .attachVolume(name: "data", droplet: "near"),
            .detachVolume(name: "data"), .deleteVolume(name: "data"),
        ])
    }

    /// DO lists a volume's snapshots and actions and a reserved IP's actions under the resource
    /// (pydo's `volume_snapshots.list`, `volume_actions.list`, `reserved_ips_actions.list`); the
    /// fake answered 404 for resources that exist, and each lists only its own.
    @Test func aVolumesSnapshotsAndActionsAndAReservedIPsActionsAreListedUnderThem() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        let droplet = try create(fake, "web-1")
        func volume(_ name: String) throws -> String {
            let created = send(fake, "POST", "/v2/volumes", #"{"name":"\#(name)","size_gigabytes":10,"region":"nyc3"}"#)
            return try #require((try created.json()["volume"] as? [String: Any])?["id"] as? String)
        }
        let data = try volume("data"), other = try volume("other")
        #expect(send(fake, "POST", "/v2/volumes/\(data)/actions", #"{"type":"attach","droplet_id":\#(droplet)}"#).status == 202)
        #expect(send(fake, "POST", "/v2/volumes/\(data)/actions", #"{"type":"detach","droplet_id":\#(droplet)}"#).status == 202)
        #expect(send(fake, "POST", "/v2/volumes/\(other)/actions", #"{"type":"attach","droplet_id":\#(droplet)}"#).status == 202)
        #expect(send(fake, "POST", "/v2/volumes/\(data)/snapshots", #"{"name":"data-snap"}"#).status == 201)
        #expect(send(fake, "POST", "/v2/volumes/\(other)/snapshots", #"{"name":"other-snap"}"#).status == 201)
        func names(_ path: String, _ key: String, _ field: String) throws -> [String] {
            let response = fake.get(path)
            #expect(response.status == 200, "\(path): \(response.text)")
            return try (response.json()[key] as? [[String: Any]])?.compactMap { $0[field] as? String } ?? []
        }
        #expect(try names("/v2/volumes/\(data)/snapshots", "snapshots", "name") == ["data-snap"])
        #expect(try names("/v2/volumes/\(data)/actions", "actions", "type") == ["detach_volume", "attach_volume"], "newest first")
        #expect(fake.get("/v2/volumes/no-such-volume/actions").status == 404)

        let reserved = send(fake, "POST", "/v2/reserved_ips", #"{"region":"nyc3"}"#)
        let ip = try #require((try reserved.json()["reserved_ip"] as? [String: Any])?["ip"] as? String)
        #expect(send(fake, "POST", "/v2/reserved_ips/\(ip)/actions", #"{"type":"assign","droplet_id":\#(droplet)}"#).status == 201)
        #expect(try names("/v2/reserved_ips/\(ip)/actions", "actions", "type") == ["assign_ip"])
        #expect(try names("/v2/floating_ips/\(ip)/actions", "actions", "type") == ["assign_ip"])
        #expect(fake.get("/v2/reserved_ips/192.0.2.99/actions").status == 404)
    }

    @Test func domainsTagsReservedIPsAndProjectsAreWritable() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        try fake.createProject(name: "shop", description: "", environment: nil, isDefault: false)
        let id = try create(fake, "web-1")
        #expect(send(fake, "POST", "/v2/domains", #"{"name":"example.com"}"#).status == 201)
        #expect(send(fake, "POST", "/v2/domains", #"{"name":"example.com"}"#).status == 422)
        #expect(send(fake, "POST", "/v2/tags/env:prod/resources", #"{"resources":[{"resource_id":"\#(id)","resource_type":"droplet"}]}"#).status == 204)
        #expect(try (fake.get("/v2/tags").json()["tags"] as? [[String: Any]])?.map { $0["name"] as? String } == ["env:prod"])
        #expect(send(fake, "DELETE", "/v2/tags/env:prod/resources", #"{"resources":[{"resource_id":"\#(id)","resource_type":"droplet"}]}"#).status == 204)

        let reserved = send(fake, "POST", "/v2/reserved_ips", #"{"region":"nyc3"}"#)
        #expect(reserved.status == 202)
        let ip = try #require((try reserved.json()["reserved_ip"] as? [String: Any])?["ip"] as? String)
        #expect(send(fake, "POST", "/v2/reserved_ips/\(ip)/actions", #"{"type":"assign","droplet_id":\#(id)}"#).status == 201)
        #expect(send(fake, "DELETE", "/v2/reserved_ips/\(ip)").status == 422, "assigned")
        #expect(send(fake, "POST", "/v2/reserved_ips/\(ip)/actions", #"{"type":"unassign"}"#).status == 201)
        #expect(send(fake, "DELETE", "/v2/reserved_ips/\(ip)").status == 204)

        let shop = try #require(try (fake.get("/v2/projects").json()["projects"] as? [[String: Any]])?.first { $0["name"] as? String == "shop" }?["id"] as? String)
        let assigned = send(fake, "POST", "/v2/projects/\(shop)/resources", #"{"resources":["do:droplet:\#(id)","do:domain:example.com"]}"#)
        #expect(assigned.status == 200, "\(assigned.text)")
        #expect(try (fake.get("/v2/projects/\(shop)/resources").json()["resources"] as? [[String: Any]])?.count == 2)
        #expect(send(fake, "DELETE", "/v2/domains/example.com").status == 204)
        #expect(Array(fake.recordedChanges.map(\.change).dropFirst()) == [
            .createDomain(name: "example.com", ttl: 1800), .tagDroplet(name: "web-1", tags: ["env:prod"]), .untagDroplet(name: "web-1", tags: ["env:prod"]),
            .reserveIP(region: "nyc3", ip: ip), .assignIP(ip: ip, droplet: "web-1"), .unassignIP(ip: ip), .releaseIP(ip: ip),
            .assignDroplet(name: "web-1", project: "shop"), .assignDomain(name: "example.com", project: "shop"), .deleteDomain(name: "example.com"),
        ])
    }
}

private extension FakeDigitalOcean {
    /// The weekday the fake drew for the daily plan (the daily plan ignores it; the change records it).
    var recordedWeekday: Int {
        recordedChanges.compactMap { if case .enableBackups(_, _, let weekday, _) = $0.change { weekday } else { nil } }.first ?? -1
    }
}
