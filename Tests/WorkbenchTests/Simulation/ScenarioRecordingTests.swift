import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing
import Workbench
import WorkbenchTestSupport

/// `fake-do serve --record`'s proof: every kind of API write a client can make, recorded as a
/// scenario, written as YAML, parsed back and replayed, builds the same world, listing for listing,
/// byte for byte; the scenario's events after the served instant are cut, as they never happened.
@Suite struct ScenarioRecordingTests {
    static let instant = Timestamp(year: 2026, month: 5, day: 1, hour: 14)
    static let headers = ["authorization": "Bearer \(FakeDigitalOcean.defaultToken)"]

    @discardableResult
    private func send(_ fake: FakeDigitalOcean, _ method: String, _ path: String, _ json: String? = nil,
                      expect status: Int) throws -> [String: Any] {
        let response = fake.respond(to: APIRequest(method: method, path: path, headers: Self.headers, body: json.map { Data($0.utf8) }))
        #expect(response.status == status, "\(method) \(path): \(String(decoding: response.body, as: UTF8.self))")
        guard !response.body.isEmpty else { return [:] }
        return try JSONSerialization.jsonObject(with: response.body) as? [String: Any] ?? [:]
    }

    /// Every write the fake serves, in an order whose world changes all apply.
    private func driveEveryWrite(_ fake: FakeDigitalOcean) throws {
        let created = try send(fake, "POST", "/v2/droplets",
                               #"{"name":"made-1","region":"syd1","size":"s-1vcpu-1gb","image":"ubuntu-24-04-x64","tags":["a"],"backups":true}"#,
                               expect: 202)
        let id = try #require((created["droplet"] as? [String: Any])?["id"] as? Int)
        try send(fake, "POST", "/v2/droplets", #"{"names":["made-2","made-3"],"region":"syd1","size":"s-1vcpu-1gb","image":"x"}"#, expect: 202)
        for body in [#"{"type":"power_off"}"#, #"{"type":"resize","size":"s-2vcpu-2gb"}"#, #"{"type":"power_on"}"#,
                     #"{"type":"snapshot","name":"made-1-snap"}"#, #"{"type":"disable_backups"}"#,
                     #"{"type":"enable_backups","backup_policy":{"plan":"daily","hour":8}}"#, #"{"type":"rename","name":"made-one"}"#] {
            try send(fake, "POST", "/v2/droplets/\(id)/actions", body, expect: 201)
        }
        let tagged = #"{"resources":[{"resource_id":"\#(id)","resource_type":"droplet"}]}"#
        try send(fake, "POST", "/v2/tags/env:made/resources", tagged, expect: 204)
        try send(fake, "DELETE", "/v2/tags/a/resources", tagged, expect: 204)

        let volume = try send(fake, "POST", "/v2/volumes", #"{"name":"vol-1","size_gigabytes":20,"region":"syd1","tags":["v"]}"#, expect: 201)
        let volumeID = try #require((volume["volume"] as? [String: Any])?["id"] as? String)
        try send(fake, "POST", "/v2/volumes/\(volumeID)/actions", #"{"type":"attach","droplet_id":\#(id)}"#, expect: 202)
        try send(fake, "POST", "/v2/volumes/\(volumeID)/actions", #"{"type":"detach","droplet_id":\#(id)}"#, expect: 202)
        try send(fake, "DELETE", "/v2/volumes/\(volumeID)", expect: 204)
        let second = try send(fake, "POST", "/v2/volumes", #"{"name":"vol-2","size_gigabytes":5,"region":"syd1"}"#, expect: 201)
        let secondID = try #require((second["volume"] as? [String: Any])?["id"] as? String)
        let snapshot = try send(fake, "POST", "/v2/volumes/\(secondID)/snapshots", #"{"name":"vol-2-snap"}"#, expect: 201)
        try send(fake, "POST", "/v2/volumes/\(secondID)/snapshots", #"{"name":"vol-2-kept"}"#, expect: 201)
        let snapshotID = try #require((snapshot["snapshot"] as? [String: Any])?["id"] as? String)
        try send(fake, "DELETE", "/v2/snapshots/\(snapshotID)", expect: 204)

        try send(fake, "POST", "/v2/domains", #"{"name":"made.example.com"}"#, expect: 201)
        try send(fake, "POST", "/v2/domains", #"{"name":"gone.example.com"}"#, expect: 201)
        try send(fake, "DELETE", "/v2/domains/gone.example.com", expect: 204)
        let records = "/v2/domains/made.example.com/records"
        let record = try send(fake, "POST", records, #"{"type":"A","name":"www","data":"192.0.2.10"}"#, expect: 201)
        let recordID = try #require((record["domain_record"] as? [String: Any])?["id"] as? Int)
        try send(fake, "POST", records, #"{"type":"MX","data":"mx.made.example.com.","priority":10}"#, expect: 201)
        try send(fake, "PATCH", "\(records)/\(recordID)", #"{"data":"192.0.2.11","ttl":300}"#, expect: 200)
        try send(fake, "PUT", "\(records)/\(recordID)", #"{"name":"api"}"#, expect: 200)
        try send(fake, "POST", records, #"{"type":"TXT","name":"@","data":"v=spf1 -all"}"#, expect: 201)
        try send(fake, "DELETE", "\(records)/\(recordID)", expect: 204)

        try send(fake, "POST", "/v2/tags", #"{"name":"bare"}"#, expect: 201)
        try send(fake, "POST", "/v2/tags", #"{"name":"dropped"}"#, expect: 201)
        try send(fake, "DELETE", "/v2/tags/dropped", expect: 204)
        try send(fake, "DELETE", "/v2/tags/env:made", expect: 204)

        let reserved = try send(fake, "POST", "/v2/reserved_ips", #"{"region":"syd1"}"#, expect: 202)
        let ip = try #require((reserved["reserved_ip"] as? [String: Any])?["ip"] as? String)
        try send(fake, "POST", "/v2/reserved_ips/\(ip)/actions", #"{"type":"assign","droplet_id":\#(id)}"#, expect: 201)
        try send(fake, "POST", "/v2/reserved_ips/\(ip)/actions", #"{"type":"unassign"}"#, expect: 201)
        try send(fake, "DELETE", "/v2/reserved_ips/\(ip)", expect: 204)
        let made2 = try fake.dropletID(name: "made-2")
        try send(fake, "POST", "/v2/reserved_ips", #"{"droplet_id":\#(made2)}"#, expect: 202)

        let projects = try send(fake, "GET", "/v2/projects", expect: 200)["projects"] as? [[String: Any]] ?? []
        let staging = try #require(projects.first { $0["name"] as? String == "pilot-staging" }?["id"] as? String)
        try send(fake, "POST", "/v2/projects/\(staging)/resources", #"{"resources":["do:droplet:\#(id)","do:domain:made.example.com"]}"#, expect: 200)
        let made3 = try fake.dropletID(name: "made-3")
        try send(fake, "DELETE", "/v2/droplets/\(made3)", expect: 204)
    }

    /// What a client can read of the world (not `/v2/actions`: a replay starts none).
    private func listings(_ fake: FakeDigitalOcean) throws -> [String: String] {
        var paths = ["/v2/droplets", "/v2/volumes", "/v2/domains", "/v2/domains/made.example.com/records", "/v2/reserved_ips", "/v2/snapshots", "/v2/projects", "/v2/tags",
                     "/v2/images", "/v2/vpcs", "/v2/customers/my/invoices"]
        let projects = try send(fake, "GET", "/v2/projects", expect: 200)["projects"] as? [[String: Any]] ?? []
        paths += projects.compactMap { $0["id"] as? String }.map { "/v2/projects/\($0)/resources" }
        var bodies: [String: String] = [:]
        for path in paths {
            let response = fake.respond(to: APIRequest(path: path, query: [QueryItem("per_page", "200")], headers: Self.headers))
            bodies[path] = String(decoding: response.body, as: UTF8.self)
        }
        return bodies
    }

    /// `fake-do serve` freezes at `clock.end` by default, so every write is stamped there; the
    /// recording used to keep that end, and `arcadia play` refused all its writes as "not before
    /// clock.end". It now runs an hour past the last write and replays.
    @Test func aRecordingOfAFakeServedAtItsEndRunsPastItsWritesAndPlays() throws {
        let scenario = try ScenarioFixtures.shipped("project-attribution")
        let served = try ScenarioWorld.played(scenario, at: scenario.clock.end)
        try send(served.fake, "POST", "/v2/tags", #"{"name":"late"}"#, expect: 201)
        let recorded = try ScenarioRecording.scenario(scenario, playedThrough: served.fake.now, changes: served.fake.recordedChanges,
                                                      label: served.label(ofAddress:))
        #expect(recorded.clock.end == scenario.clock.end + 3_600)
        let reparsed = try ScenarioParser.parse(yaml: ScenarioWriter.yaml(recorded), file: "recorded.yaml")
        #expect(reparsed.timeline.last?.at == scenario.clock.end)
        #expect(try listings(ScenarioWorld.build(reparsed, at: reparsed.clock.end))["/v2/tags"]?.contains("\"late\"") == true)
    }

    @Test func aRecordingOfEveryWriteReplaysToTheSameWorld() throws {
        let scenario = try ScenarioFixtures.shipped("project-attribution")
        let served = try ScenarioWorld.played(scenario, at: Self.instant)
        try driveEveryWrite(served.fake)
        let changes = served.fake.recordedChanges
        #expect(changes.count == 43, "\(changes.map(\.change))")

        let recorded = try ScenarioRecording.scenario(scenario, playedThrough: served.fake.now, changes: changes,
                                                      label: served.label(ofAddress:))
        let yaml = ScenarioWriter.yaml(recorded)
        for key in ["create_droplet", "power_off_droplet", "resize_droplet", "power_on_droplet", "take_snapshot", "disable_backups",
                    "enable_backups", "rename_droplet", "tag_droplet", "untag_droplet", "create_volume", "attach_volume", "detach_volume",
                    "delete_volume", "create_domain", "delete_domain", "reserve_ip", "assign_ip", "unassign_ip", "release_ip",
                    "move_to_project", "destroy_droplet", "delete_snapshot",
                    "create_domain_record", "update_domain_record", "delete_domain_record", "create_tag", "delete_tag"] {
            #expect(yaml.contains("\(key):"), "\(key) is recorded")
        }
        #expect(!yaml.contains("pilot-archive"), "the events after the served instant are cut")
        let reparsed = try ScenarioParser.parse(yaml: yaml, file: "recorded.yaml")
        #expect(reparsed.timeline.count == 4 + 43)
        #expect(reparsed.timeline.suffix(43).allSatisfy { $0.at == Self.instant })

        let replayed = try ScenarioWorld.build(reparsed, at: Self.instant)
        let original = try listings(served.fake), again = try listings(replayed)
        #expect(Set(original.keys) == Set(again.keys))
        for (path, body) in original {
            #expect(again[path] == body, "\(path) differs after the replay")
        }
        #expect(original["/v2/droplets"]?.contains("made-one") == true && original["/v2/droplets"]?.contains("made-3") == false)
        #expect(original["/v2/domains/made.example.com/records"]?.contains("mx.made.example.com.") == true
                    && original["/v2/domains/made.example.com/records"]?.contains("192.0.2.11") == false)
        #expect(original["/v2/tags"]?.contains("\"bare\"") == true && original["/v2/tags"]?.contains("env:made") == false)
    }
}
