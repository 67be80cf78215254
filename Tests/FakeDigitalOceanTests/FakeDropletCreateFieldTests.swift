import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing

/// The fields DO takes on a droplet create beyond name, region, size and image: `volumes` attach
/// at create (each DO's checks), `vpc_uuid` must be the region's VPC, the rest are typed and accepted.
@Suite struct FakeDropletCreateFieldTests {
    private static let headers = ["authorization": "Bearer \(FakeDigitalOcean.defaultToken)", "content-type": "application/json"]

    private func send(_ fake: FakeDigitalOcean, _ method: String, _ path: String, _ json: String? = nil) -> APIResponse {
        fake.respond(to: APIRequest(method: method, path: path, headers: Self.headers, body: json.map { Data($0.utf8) }))
    }

    private func body(_ name: String, _ extra: String) -> String {
        #"{"name":"\#(name)","region":"nyc3","size":"s-1vcpu-1gb","image":"ubuntu-24-04-x64",\#(extra)}"#
    }

    @Test func everyFieldIsAcceptedAndVolumesAttachAtCreate() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        try fake.createVolume(name: "data", sizeGB: 10, region: "nyc3", tags: [], project: nil)
        try fake.createDroplet(name: "first", size: "s-1vcpu-1gb", region: "nyc3", tags: [], poweredOn: true, createdAt: nil, project: nil)
        let volumeID = try #require((try fake.get("/v2/volumes").json()["volumes"] as? [[String: Any]])?.first?["id"] as? String)
        let vpc = try #require((try fake.get("/v2/droplets").json()["droplets"] as? [[String: Any]])?.first?["vpc_uuid"] as? String)
        let created = send(fake, "POST", "/v2/droplets", body("web-1", #"""
            "ssh_keys":[289794,"3b:16:e4:bf:8b:00:8b:b8:59:8c:a9:d3:f0:19:fa:45"],"vpc_uuid":"\#(vpc)","volumes":["\#(volumeID)"],
            "user_data":"#cloud-config\n","tags":["web"],"monitoring":true,"ipv6":true,"backups":true
            """#))
        #expect(created.status == 202, "\(created.text)")
        let droplet = try #require(try created.json()["droplet"] as? [String: Any])
        #expect(droplet["volume_ids"] as? [String] == [volumeID] && droplet["vpc_uuid"] as? String == vpc && droplet["tags"] as? [String] == ["web"])
        #expect(Set(droplet["features"] as? [String] ?? []).isSuperset(of: ["backups", "monitoring", "ipv6"]))
        let volume = try #require(try fake.get("/v2/volumes/\(volumeID)").json()["volume"] as? [String: Any])
        #expect(volume["droplet_ids"] as? [Int] == [droplet["id"] as? Int ?? 0])
        #expect(fake.recordedChanges.map(\.change).prefix(2) == [
            .createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "nyc3", tags: ["web"]), .attachVolume(name: "data", droplet: "web-1"),
        ])
    }

    @Test func theFieldsAreCheckedAsDOChecksThemAndARefusalChangesNothing() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        try fake.createVolume(name: "far", sizeGB: 10, region: "sfo2", tags: [], project: nil)
        try fake.createVolume(name: "near", sizeGB: 10, region: "nyc3", tags: [], project: nil)
        let ids = try (fake.get("/v2/volumes").json()["volumes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let revision = fake.revision
        let refused: [(String, String)] = [
            (body("web-1", #""volumes":["no-such-volume"]"#), "volume no-such-volume does not exist"),
            (body("web-1", #""volumes":["\#(ids[0])"]"#), "is in sfo2"),
            (#"{"names":["a","b"],"region":"nyc3","size":"s-1vcpu-1gb","image":"x","volumes":["\#(ids[1])"]}"#, "a single droplet"),
            (body("web-1", #""vpc_uuid":"5a4981aa-9653-4bd1-bef5-d6bff52042e4""#), "is not a VPC in nyc3"),
            (body("web-1", #""monitoring":"yes""#), "monitoring must be true or false"),
            (body("web-1", #""ssh_keys":"my-key""#), "ssh_keys must be a list"),
            (body("web-1", #""user_data":42"#), "user_data must be a string"),
        ]
        for (json, message) in refused {
            let response = send(fake, "POST", "/v2/droplets", json)
            #expect(response.status == 422 && response.text.contains(message), "\(json): \(response.text)")
        }
        #expect(fake.revision == revision && fake.recordedChanges.isEmpty)
    }
}
