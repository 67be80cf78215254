import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing
import TestSupport

/// The new read endpoints answer in DO's shapes: each answer is validated by check-jsonschema
/// against a schema written from DO's OpenAPI description (`Tests/Fixtures/do-openapi`), and a
/// deliberately wrong answer is refused, so the check can fail.
@Suite struct FakeOpenAPIShapeTests {
    static let schemas = RepoPaths.root().appendingPathComponent("Tests/Fixtures/do-openapi")

    private static func world() throws -> FakeDigitalOcean {
        let fake = FakeDigitalOcean(seed: 9, start: start)
        try fake.createDroplet(name: "web-1", size: "s-1vcpu-1gb", region: "ams2", tags: ["env:prod"], poweredOn: true, createdAt: nil, project: nil)
        try fake.enableBackups(droplet: "web-1", plan: .daily, hour: 8)
        try fake.takeDropletSnapshot(droplet: "web-1", name: "web-1-snap")
        try fake.createVolume(name: "data", sizeGB: 10, region: "ams2", tags: ["env:prod"], project: nil)
        try fake.createDomain(name: "example.com", ttl: 1800, project: nil)
        fake.advance(to: start + 3 * 86_400)
        return fake
    }

    private func validate(_ body: Data, schema: String, in directory: URL) throws -> (status: Int32, output: String) {
        let file = directory.appendingPathComponent("\(schema)-\(UUID().uuidString).json")
        try body.write(to: file)
        return try CheckJSONSchema.run(["--schemafile", Self.schemas.appendingPathComponent("\(schema).schema.json").path, file.path])
    }

    @Test func everyNewEndpointMatchesItsSchema() throws {
        let fake = try Self.world()
        let id = try fake.dropletID(name: "web-1")
        let directory = try RepoPaths.temporaryDirectory()
        let cases: [(String, String)] = [
            ("/v2/account", "account"), ("/v2/tags", "tags"), ("/v2/vpcs", "vpcs"), ("/v2/regions", "regions"),
            ("/v2/droplets/\(id)/snapshots", "droplet_snapshots"), ("/v2/droplets/\(id)/backups", "droplet_backups"),
            ("/v2/droplets/\(id)/backups/policy", "backup_policy"), ("/v2/droplets/\(id)/actions", "actions"),
            ("/v2/droplets/\(id)/kernels", "kernels"), ("/v2/droplets/\(id)/neighbors", "neighbors"),
            ("/v2/images", "images"), ("/v2/domains/example.com/records", "domain_records"),
        ]
        for (path, schema) in cases {
            let response = fake.get(path)
            #expect(response.status == 200, "\(path): \(response.text)")
            let result = try validate(response.body, schema: schema, in: directory)
            #expect(result.status == 0, "\(path) against \(schema): \(result.output) (is check-jsonschema installed? run scripts/setup)")
        }
        let images = try #require(try fake.get("/v2/images").json()["images"] as? [[String: Any]])
        #expect(images.map { $0["type"] as? String } == ["base", "snapshot", "backup", "backup", "backup"], "the backups are listed too")
    }

    /// A write's answers too: the droplet create (202 with `links.actions`) and an action (201).
    @Test func writeAnswersMatchTheirSchemas() throws {
        let fake = try Self.world()
        let directory = try RepoPaths.temporaryDirectory()
        let headers = ["authorization": "Bearer \(FakeDigitalOcean.defaultToken)"]
        let created = fake.respond(to: APIRequest(method: "POST", path: "/v2/droplets", headers: headers, body: Data(
            #"{"name":"made","region":"ams2","size":"s-1vcpu-1gb","image":"ubuntu-24-04-x64"}"#.utf8)))
        #expect(created.status == 202)
        let create = try validate(created.body, schema: "droplet_create", in: directory)
        #expect(create.status == 0, "\(create.output)")
        let id = try fake.dropletID(name: "made")
        let action = fake.respond(to: APIRequest(method: "POST", path: "/v2/droplets/\(id)/actions", headers: headers,
                                                 body: Data(#"{"type":"power_off"}"#.utf8)))
        #expect(action.status == 201)
        let single = try validate(action.body, schema: "action", in: directory)
        #expect(single.status == 0, "\(single.output)")
        let listed = try validate(fake.get("/v2/droplets/\(id)/actions").body, schema: "actions", in: directory)
        #expect(listed.status == 0, "\(listed.output)")
    }

    @Test func aWrongShapeIsRefused() throws {
        let directory = try RepoPaths.temporaryDirectory()
        let wrong = Data(#"{"account":{"droplet_limit":"25","email":"a@b","uuid":"u","email_verified":true,"status":"active"}}"#.utf8)
        let result = try validate(wrong, schema: "account", in: directory)
        #expect(result.status == 1)
        #expect(result.output.contains("droplet_limit") && result.output.contains("status_message"), "\(result.output)")
    }
}
