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

    /// Every 200/201/202 body the fake serves, reads and writes, against a schema derived from the
    /// operation's response in DO's OpenAPI description (`Tests/Fixtures/do-openapi/README.md`).
    @Test func everyAnswerTheFakeServesMatchesItsSchema() throws {
        let fake = try Self.world()
        try fake.createProject(name: "shop", description: "the shop", environment: "Production", isDefault: false)
        let ssh = FirewallInboundRule(protocol: "tcp", ports: "22", sources: FirewallTarget(addresses: ["0.0.0.0/0"], tags: nil))
        try fake.createFirewall(name: "fw", droplets: ["web-1"], tags: ["env:prod"], inbound: [ssh], outbound: [])
        try fake.createLoadBalancer(name: "lb", region: "ams2", forwardingRules: [
            LoadBalancer.ForwardingRule(entryProtocol: "http", entryPort: 80, targetProtocol: "http", targetPort: 80),
        ], droplets: ["web-1"], project: nil)
        let ip = try fake.reserveIP(region: "ams2", project: nil)
        fake.advance(to: Timestamp(year: 2026, month: 4, day: 3))
        let id = try fake.dropletID(name: "web-1")
        let directory = try RepoPaths.temporaryDirectory()
        let headers = ["authorization": "Bearer \(FakeDigitalOcean.defaultToken)"]
        func check(_ path: String, _ schema: String, _ method: String = "GET", _ body: String? = nil, status: Int = 200) throws -> [String: Any] {
            let response = fake.respond(to: APIRequest(method: method, path: path, headers: headers, body: body.map { Data($0.utf8) }))
            #expect(response.status == status, "\(method) \(path): \(response.text)")
            let result = try validate(response.body, schema: schema, in: directory)
            #expect(result.status == 0, "\(method) \(path) against \(schema): \(result.output)")
            return (try? response.json()) ?? [:]
        }
        let volumeID = try #require(try (fake.get("/v2/volumes").json()["volumes"] as? [[String: Any]])?.first?["id"] as? String)
        let snapshotID = try #require(try (fake.get("/v2/snapshots").json()["snapshots"] as? [[String: Any]])?.first?["id"] as? String)
        let imageID = try #require(try (fake.get("/v2/images").json()["images"] as? [[String: Any]])?.last?["id"] as? Int)
        let firewallID = try #require(try (fake.get("/v2/firewalls").json()["firewalls"] as? [[String: Any]])?.first?["id"] as? String)
        let balancerID = try fake.loadBalancerID(name: "lb")
        let projectID = try #require(try (fake.get("/v2/projects").json()["projects"] as? [[String: Any]])?.first { $0["name"] as? String == "shop" }?["id"] as? String)
        let invoiceUUID = try fake.invoiceUUID(period: "2026-03")
        for (path, schema) in [
            ("/v2/droplets", "droplets"), ("/v2/droplets/\(id)", "droplet"), ("/v2/droplets/\(id)/firewalls", "droplet_firewalls"),
            ("/v2/reserved_ips", "reserved_ips"), ("/v2/reserved_ips/\(ip)", "reserved_ip"), ("/v2/floating_ips", "floating_ips"),
            ("/v2/floating_ips/\(ip)", "floating_ip"), ("/v2/snapshots", "snapshots"), ("/v2/snapshots/\(snapshotID)", "snapshot"),
            ("/v2/volumes", "volumes"), ("/v2/volumes/\(volumeID)", "volume"), ("/v2/firewalls", "firewalls"),
            ("/v2/firewalls/\(firewallID)", "firewall"), ("/v2/load_balancers", "load_balancers"), ("/v2/load_balancers/\(balancerID)", "load_balancer"),
            ("/v2/domains", "domains"), ("/v2/domains/example.com", "domain"), ("/v2/tags/env:prod", "tag"), ("/v2/images/\(imageID)", "image"),
            ("/v2/projects", "projects"), ("/v2/projects/\(projectID)", "project"), ("/v2/projects/default", "project_default"),
            ("/v2/projects/\(projectID)/resources", "project_resources"), ("/v2/sizes", "sizes"), ("/v2/customers/my/balance", "balance"),
            ("/v2/customers/my/billing_history", "billing_history"), ("/v2/customers/my/invoices", "invoices"),
            ("/v2/customers/my/invoices/\(invoiceUUID)", "invoice_items"), ("/v2/customers/my/invoices/preview", "invoice_items"),
            ("/v2/customers/my/invoices/\(invoiceUUID)/summary", "invoice_summary"),
        ] {
            _ = try check(path, schema)
        }

        let record = try check("/v2/domains/example.com/records", "domain_record_create", "POST",
                               #"{"type":"MX","data":"mx.example.com.","priority":10}"#, status: 201)
        let recordID = try #require((record["domain_record"] as? [String: Any])?["id"] as? Int)
        _ = try check("/v2/domains/example.com/records/\(recordID)", "domain_record")
        _ = try check("/v2/domains/example.com/records/\(recordID)", "domain_record_update", "PATCH", #"{"ttl":60}"#)
        _ = try check("/v2/domains/example.com/records/\(recordID)", "domain_record_update", "PUT", #"{"priority":20}"#)
        _ = try check("/v2/domains", "domain_create", "POST", #"{"name":"example.org"}"#, status: 201)
        _ = try check("/v2/tags", "tag_create", "POST", #"{"name":"bare"}"#, status: 201)
        let created = try check("/v2/volumes", "volume_create", "POST", #"{"name":"more","size_gigabytes":5,"region":"ams2"}"#, status: 201)
        let createdID = try #require((created["volume"] as? [String: Any])?["id"] as? String)
        _ = try check("/v2/volumes/\(createdID)/actions", "volume_action", "POST", #"{"type":"attach","droplet_id":\#(id)}"#, status: 202)
        _ = try check("/v2/volumes/\(createdID)/snapshots", "volume_snapshot_create", "POST", #"{"name":"more-snap"}"#, status: 201)
        _ = try check("/v2/reserved_ips", "reserved_ip_create", "POST", #"{"region":"ams2"}"#, status: 202)
        _ = try check("/v2/reserved_ips/\(ip)/actions", "reserved_ip_action", "POST", #"{"type":"assign","droplet_id":\#(id)}"#, status: 201)
        _ = try check("/v2/volumes/\(createdID)/snapshots", "snapshots")
        _ = try check("/v2/volumes/\(createdID)/actions", "actions")
        _ = try check("/v2/reserved_ips/\(ip)/actions", "actions")
        _ = try check("/v2/projects/\(projectID)/resources", "project_assign", "POST", #"{"resources":["do:droplet:\#(id)"]}"#)
        let action = try check("/v2/droplets/\(id)/actions", "action", "POST", #"{"type":"power_off"}"#, status: 201)
        let actionID = try #require((action["action"] as? [String: Any])?["id"] as? Int)
        _ = try check("/v2/droplets/\(id)/actions/\(actionID)", "droplet_action")
        _ = try check("/v2/actions/\(actionID)", "action")
        _ = try check("/v2/actions", "actions")
    }

    @Test func aWrongShapeIsRefused() throws {
        let directory = try RepoPaths.temporaryDirectory()
        let wrong = Data(#"{"account":{"droplet_limit":"25","email":"a@b","uuid":"u","email_verified":true,"status":"active"}}"#.utf8)
        let result = try validate(wrong, schema: "account", in: directory)
        #expect(result.status == 1)
        #expect(result.output.contains("droplet_limit") && result.output.contains("status_message"), "\(result.output)")
    }
}
