import ArcadiaCore
import DigitalOcean
import GRDB
import Testing

/// `GET /api/v1/inventory` over the project-attribution scenario's ledger: pilot owns the
/// pilot-prod and pilot-staging projects, archive owns pilot-archive, nobody owns Default.
@Suite(.timeLimit(.minutes(2))) struct InventoryEndpointTests {
    static let now = Timestamp(year: 2026, month: 5, day: 2)

    /// (kind, name) of each item, in the order served.
    static func names(_ json: JSONValue) -> [String] {
        json.items.map { "\($0["kind"]?.string ?? "?"):\($0["name"]?.string ?? "?")" }
    }

    @Test func anAdminSeesEveryResourceInTheGoldenOrderWithItsAttribution() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now, tenants: true)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let json = try await client.get("/api/v1/inventory", token: admin).json
            #expect(Self.names(json) == ["dns_zone:pilot.example.com", "dns_zone:unowned.example.org", "droplet:api-prod-1",
                                         "droplet:scratch", "droplet:web-1"])
            let web = try #require(json.items.last)
            #expect(web["project"]?.string == "pilot-prod")
            #expect(web["deployment"]?.string == "pilot-prod")
            #expect(web["tenant"]?.string == "pilot")
            #expect(web["provider_id"]?.string == "406347588")
            #expect(web["size_slug"]?.string == "s-2vcpu-4gb")
            #expect(web["attributes"]?["vcpus"]?.int == 2)
            let scratch = json.items[3]
            #expect(scratch["project"]?.string == "Default")
            #expect(scratch["deployment"] == .null && scratch["tenant"] == .null, "an unowned project belongs to no tenant")
            #expect(json["page"] == .object(["limit": 100, "offset": 0, "total": 5, "next_offset": .null]))
        }
    }

    @Test func aTenantSeesOnlyItsDeploymentsResources() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now, tenants: true)
        let pilot = try await harness.tenantToken("pilot")
        let archive = try await harness.tenantToken("archive")
        let stranger = try await harness.tenantToken("nobody")
        try await harness.test { client async throws in
            let mine = try await client.get("/api/v1/inventory", token: pilot).json
            #expect(Self.names(mine) == ["dns_zone:pilot.example.com", "droplet:api-prod-1", "droplet:web-1"])
            #expect(mine.items.allSatisfy { $0["tenant"]?.string == "pilot" })
            #expect(mine["page"]?["total"]?.int == 3)
            #expect(Self.names(try await client.get("/api/v1/inventory", token: archive).json) == ["dns_zone:unowned.example.org"])
            let none = try await client.get("/api/v1/inventory", token: stranger).json
            #expect(none.items.isEmpty && none["page"]?["total"]?.int == 0, "a tenant code with no deployments owns nothing")
            // Another tenant's deployment is not a way in: it filters within the caller's own rows.
            #expect(try await client.get("/api/v1/inventory?deployment=archive-main", token: pilot).json.items.isEmpty)
        }
    }

    @Test func filtersByKindStatusAndDeployment() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now, tenants: true)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            #expect(Self.names(try await client.get("/api/v1/inventory?kind=droplet", token: admin).json)
                    == ["droplet:api-prod-1", "droplet:scratch", "droplet:web-1"])
            #expect(Self.names(try await client.get("/api/v1/inventory?kind=droplet&deployment=pilot-prod", token: admin).json)
                    == ["droplet:api-prod-1", "droplet:web-1"])
            #expect(Self.names(try await client.get("/api/v1/inventory?deployment=archive-main", token: admin).json)
                    == ["dns_zone:unowned.example.org"])
            #expect(try await client.get("/api/v1/inventory?status=active", token: admin).json["page"]?["total"]?.int == 5)
            #expect(try await client.get("/api/v1/inventory?status=off", token: admin).json.items.isEmpty)
            #expect(try await client.get("/api/v1/inventory?kind=volume", token: admin).json.items.isEmpty,
                    "a named kind the ledger has none of is an empty list, not an error")
        }
    }

    @Test func pagesAreStableAndTogetherAreTheWholeList() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now, tenants: true)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let whole = Self.names(try await client.get("/api/v1/inventory", token: admin).json)
            var paged: [String] = []
            var offset: Int64? = 0
            var pages = 0
            while let next = offset {
                let json = try await client.get("/api/v1/inventory?limit=2&offset=\(next)", token: admin).json
                paged += Self.names(json)
                #expect(json["page"]?["limit"]?.int == 2)
                offset = json["page"]?["next_offset"]?.int
                pages += 1
            }
            #expect(pages == 3)
            #expect(paged == whole)
            #expect(try await client.get("/api/v1/inventory?offset=99", token: admin).json.items.isEmpty)
        }
    }

    @Test func aHugeLimitIsCappedAndSaysSo() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            for limit in ["1000000000", "99999999999999999999999"] {
                let response = try await client.get("/api/v1/inventory?limit=\(limit)", token: admin)
                #expect(response.status == .ok)
                #expect(try response.json["page"]?["limit"]?.int == 500)
            }
        }
    }

    @Test(arguments: [
        ("kind=%27%3B%20drop%20table%20cloud_resources%3B--", "kind"),
        ("kind=droplets", "kind"),
        ("limit=-1", "limit"),
        ("limit=0", "limit"),
        ("limit=10%5E9", "limit"),
        ("limit=ten", "limit"),
        ("offset=-3", "offset"),
        ("status=%27%20OR%201%3D1", "status"),
        ("deployment=a%20b", "deployment"),
        ("limt=5", "limt"),
        ("kind=droplet&kind=volume", "kind"),
    ])
    func badParametersAre400sNamingTheParameterAndLeaveTheLedgerAlone(query: String, parameter: String) async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        let admin = try await harness.adminToken
        let before = try harness.ledger.rowCounts().map { "\($0.table)=\($0.rows)" }
        try await harness.test { client async throws in
            let response = try await client.get("/api/v1/inventory?\(query)", token: admin)
            #expect(response.status == .badRequest, "\(query)")
            let error = try response.json["error"]
            #expect(error?["code"]?.string == "invalid_parameter")
            #expect(error?["parameter"]?.string == parameter, "\(query): \(response.text)")
            #expect(error?["message"]?.string?.hasPrefix("\(parameter): ") == true)
        }
        #expect(try harness.ledger.rowCounts().map { "\($0.table)=\($0.rows)" } == before)
    }
}
