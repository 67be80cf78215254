import DigitalOcean
import FakeDigitalOcean
import Foundation
import Testing
import TestSupport

/// The fake's objects have exactly the top-level keys of DO's own examples.
@Suite struct FakeJSONShapeTests {
    private func firstKeys(_ file: String, _ key: String) throws -> Set<String> {
        let object = try #require(try JSONSerialization.jsonObject(with: Fixture.data(file)) as? [String: Any])
        let first = try #require((object[key] as? [[String: Any]])?.first)
        return Set(first.keys)
    }

    private func firstKeys(_ response: APIResponse, _ key: String) throws -> Set<String> {
        let first = try #require((try response.json()[key] as? [[String: Any]])?.first)
        return Set(first.keys)
    }

    private func keys(_ object: Any?) -> Set<String> {
        Set((object as? [String: Any])?.keys.map { $0 } ?? [])
    }

    @Test func dropletKeysMatchDO() throws {
        let fake = try fakeWithDroplets(1)
        let response = fake.get("/v2/droplets")
        #expect(try firstKeys(response, "droplets") == firstKeys("droplets_list.json", "droplets"))
        #expect(response.text.contains(#""kernel":null"#))
        #expect(response.text.contains(#""next_backup_window":null"#))
        let droplet = try #require((try response.json()["droplets"] as? [[String: Any]])?.first)
        let verbatim = try #require((try JSONSerialization.jsonObject(with: Fixture.data("droplets_list.json")) as? [String: Any])?["droplets"] as? [[String: Any]])
        for nested in ["size", "region", "image", "networks"] {
            #expect(keys(droplet[nested]) == keys(verbatim[0][nested]), "nested object \(nested)")
        }
    }

    @Test func domainKeysMatchDO() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        try fake.createDomain(name: "example.test", ttl: 1800, project: nil)
        #expect(try firstKeys(fake.get("/v2/domains"), "domains") == firstKeys("domains_list.json", "domains"))
    }

    @Test func projectAndResourceKeysMatchDO() throws {
        let fake = try fakeWithDroplets(1)
        #expect(try firstKeys(fake.get("/v2/projects"), "projects") == firstKeys("projects_list.json", "projects"))
        #expect(try firstKeys(fake.get("/v2/projects/default/resources"), "resources") == firstKeys("project_resources.json", "resources"))
    }

    @Test func errorAndHeadersShape() throws {
        let fake = FakeDigitalOcean(seed: 3, start: start)
        let response = fake.get("/v2/droplets/1")
        #expect(response.status == 404)
        #expect(response.headers["content-type"] == "application/json; charset=utf-8")
        #expect(Set(try response.json().keys) == ["id", "message", "request_id"])
        #expect(Set(response.headers.keys) == ["content-type", "x-request-id", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"])
    }
}
