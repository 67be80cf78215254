import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing

/// Bare tags: `POST /v2/tags` makes a tag with no resources that lasts until `DELETE /v2/tags/{name}`,
/// which also takes it off every droplet and volume; both recorded as the scenario actions that do the same.
@Suite struct FakeTagWriteTests {
    private static let headers = ["authorization": "Bearer \(FakeDigitalOcean.defaultToken)", "content-type": "application/json"]

    private func send(_ fake: FakeDigitalOcean, _ method: String, _ path: String, _ json: String? = nil) -> APIResponse {
        fake.respond(to: APIRequest(method: method, path: path, headers: Self.headers, body: json.map { Data($0.utf8) }))
    }

    private func tagNames(_ fake: FakeDigitalOcean) throws -> [String?] {
        try (fake.get("/v2/tags").json()["tags"] as? [[String: Any]] ?? []).map { $0["name"] as? String }
    }

    @Test func aBareTagIsCreatedReadAndDeleted() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        let created = send(fake, "POST", "/v2/tags", #"{"name":"env:prod"}"#)
        #expect(created.status == 201)
        let tag = try #require(try created.json()["tag"] as? [String: Any])
        #expect(tag["name"] as? String == "env:prod" && (tag["resources"] as? [String: Any])?["count"] as? Int == 0)
        #expect(try tagNames(fake) == ["env:prod"])
        #expect(fake.get("/v2/tags/env:prod").status == 200)
        #expect(send(fake, "POST", "/v2/tags", #"{"name":"env:prod"}"#).status == 201, "creating an existing tag answers with it")

        let deleted = send(fake, "DELETE", "/v2/tags/env:prod")
        #expect(deleted.status == 204 && deleted.body.isEmpty)
        #expect(fake.get("/v2/tags/env:prod").status == 404)
        #expect(send(fake, "DELETE", "/v2/tags/env:prod").status == 404)
        #expect(try tagNames(fake) == [])
        #expect(fake.recordedChanges.map(\.change) == [.createTag(name: "env:prod"), .deleteTag(name: "env:prod")], "the repeat create changed nothing")
    }

    @Test func aBareTagOutlivesItsResourcesAndDeletingATagUntagsEverything() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        try fake.createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "nyc3", tags: ["kept", "gone"], poweredOn: true, createdAt: nil, project: nil)
        try fake.createVolume(name: "data", sizeGB: 10, region: "nyc3", tags: ["gone"], project: nil)
        #expect(send(fake, "POST", "/v2/tags", #"{"name":"kept"}"#).status == 201)
        try fake.untagDroplet(name: "web-1", tags: ["kept"])
        #expect(try tagNames(fake) == ["gone", "kept"], "a created tag stays with nothing tagged")

        #expect(send(fake, "DELETE", "/v2/tags/gone").status == 204)
        #expect(try tagNames(fake) == ["kept"])
        let droplet = try #require(try (fake.get("/v2/droplets").json()["droplets"] as? [[String: Any]])?.first)
        #expect(droplet["tags"] as? [String] == [])
        let volume = try #require(try (fake.get("/v2/volumes").json()["volumes"] as? [[String: Any]])?.first)
        #expect(volume["tags"] as? [String] == [])
    }

    @Test func tagNamesFollowDOsRule() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        let revision = fake.revision
        for body in [#"{"name":"has space"}"#, #"{"name":"dot.ted"}"#, #"{"name":""}"#, "{}",
                     #"{"name":"\#(String(repeating: "a", count: 256))"}"#] {
            let response = send(fake, "POST", "/v2/tags", body)
            #expect(response.status == 422, "\(body): \(response.text)")
        }
        #expect(send(fake, "PUT", "/v2/tags/x").status == 405)
        #expect(fake.revision == revision && fake.recordedChanges.isEmpty)
    }
}
