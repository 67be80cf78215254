import ArcadiaCore
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing
import WorkbenchTestSupport

/// `GET /api/v1/inventory` over the ledger the shipped `revenue-month-end` scenario leaves: acme
/// owns deployments acme-web (web-1, the acme.example zone) and acme-api (api-1 … api-4), globex
/// owns globex-shop (shop-1). Bad input over the project-attribution ledger, which has no tenancy.
@Suite(.timeLimit(.minutes(2))) struct InventoryEndpointTests {
    static let now = Timestamp(year: 2026, month: 5, day: 6)
    static let everything = ["dns_zone:acme.example", "droplet:api-1", "droplet:api-2", "droplet:api-3", "droplet:api-4",
                             "droplet:shop-1", "droplet:web-1"]

    /// (kind, name) of each item, in the order served.
    static func names(_ json: JSONValue) -> [String] {
        json.items.map { "\($0["kind"]?.string ?? "?"):\($0["name"]?.string ?? "?")" }
    }

    static func harness() async throws -> ServiceHarness {
        try await ServiceHarness.make(scenario: RevenueMonthEnd.name, at: now)
    }

    @Test func anAdminSeesEveryResourceInTheGoldenOrderWithItsAttribution() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let json = try await client.get("/api/v1/inventory", token: admin).json
            #expect(Self.names(json) == Self.everything)
            let web = try #require(json.items.last)
            #expect(web["project"]?.string == "acme-web")
            #expect(web["deployment"]?.string == "acme-web")
            #expect(web["tenant"]?.string == "acme")
            #expect(web["provider_id"]?.string == "409423207")
            #expect(web["size_slug"]?.string == "s-1vcpu-1gb" && web["region"]?.string == "syd1")
            #expect(web["attributes"]?["vcpus"]?.int == 1)
            #expect(json.items.map { $0["tenant"]?.string ?? "-" } == ["acme", "acme", "acme", "acme", "acme", "globex", "acme"])
            #expect(json.items.map { $0["deployment"]?.string ?? "-" }
                    == ["acme-web", "acme-api", "acme-api", "acme-api", "acme-api", "globex-shop", "acme-web"])
            #expect(json["page"] == .object(["limit": 100, "offset": 0, "total": 7, "next_offset": .null]))
        }
    }

    /// project-attribution has projects but no deployments: nothing is anyone's.
    @Test func aProjectNoDeploymentOwnsBelongsToNoTenant() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        let admin = try await harness.adminToken
        let tenant = try await harness.tenantToken("acme")
        try await harness.test { client async throws in
            let json = try await client.get("/api/v1/inventory", token: admin).json
            #expect(json["page"]?["total"]?.int == 5)
            #expect(json.items.allSatisfy { $0["deployment"] == .null && $0["tenant"] == .null && $0["project"]?.string != nil })
            #expect(try await client.get("/api/v1/inventory", token: tenant).json.items.isEmpty)
        }
    }

    @Test func aTenantSeesOnlyItsDeploymentsResources() async throws {
        let harness = try await Self.harness()
        let acme = try await harness.tenantToken("acme")
        let globex = try await harness.tenantToken("globex")
        let stranger = try await harness.tenantToken("nobody")
        try await harness.test { client async throws in
            let mine = try await client.get("/api/v1/inventory", token: acme).json
            #expect(Self.names(mine) == ["dns_zone:acme.example", "droplet:api-1", "droplet:api-2", "droplet:api-3", "droplet:api-4",
                                         "droplet:web-1"])
            #expect(mine.items.allSatisfy { $0["tenant"]?.string == "acme" })
            #expect(mine["page"]?["total"]?.int == 6)
            let theirs = try await client.get("/api/v1/inventory", token: globex).json
            #expect(Self.names(theirs) == ["droplet:shop-1"])
            #expect(theirs.items.first?["deployment"]?.string == "globex-shop" && theirs["page"]?["total"]?.int == 1)
            let none = try await client.get("/api/v1/inventory", token: stranger).json
            #expect(none.items.isEmpty && none["page"]?["total"]?.int == 0, "a tenant code with no deployments owns nothing")
            // Another tenant's deployment is not a way in: it filters within the caller's own rows.
            #expect(try await client.get("/api/v1/inventory?deployment=globex-shop", token: acme).json.items.isEmpty)
            #expect(try await client.get("/api/v1/inventory?kind=dns_zone", token: globex).json.items.isEmpty)
            #expect(Self.names(try await client.get("/api/v1/inventory?deployment=acme-web", token: acme).json)
                    == ["dns_zone:acme.example", "droplet:web-1"])
        }
    }

    @Test func filtersByKindStatusAndDeployment() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            #expect(Self.names(try await client.get("/api/v1/inventory?kind=droplet", token: admin).json)
                    == Self.everything.filter { $0.hasPrefix("droplet:") })
            #expect(Self.names(try await client.get("/api/v1/inventory?kind=droplet&deployment=acme-web", token: admin).json)
                    == ["droplet:web-1"])
            #expect(Self.names(try await client.get("/api/v1/inventory?deployment=globex-shop", token: admin).json)
                    == ["droplet:shop-1"])
            #expect(try await client.get("/api/v1/inventory?status=active", token: admin).json["page"]?["total"]?.int == 7)
            #expect(try await client.get("/api/v1/inventory?status=off", token: admin).json.items.isEmpty, "api-4 is back on")
            #expect(try await client.get("/api/v1/inventory?kind=volume", token: admin).json.items.isEmpty,
                    "a named kind the ledger has none of is an empty list, not an error")
        }
    }

    /// Played only to 15:00 on April 10, while api-4 is powered off.
    @Test func aPoweredOffDropletIsFoundByItsStatus() async throws {
        let (variant, edit) = RevenueMonthEnd.endingAt(Timestamp(year: 2026, month: 4, day: 10, hour: 15))
        let harness = try await ServiceHarness.make(scenario: RevenueMonthEnd.name, at: Self.now, variant: variant, edit: edit)
        let acme = try await harness.tenantToken("acme")
        let globex = try await harness.tenantToken("globex")
        try await harness.test { client async throws in
            #expect(Self.names(try await client.get("/api/v1/inventory?status=off", token: acme).json) == ["droplet:api-4"])
            #expect(try await client.get("/api/v1/inventory?status=off", token: globex).json.items.isEmpty)
        }
    }

    @Test func pagesAreStableAndTogetherAreTheWholeList() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        let acme = try await harness.tenantToken("acme")
        try await harness.test { client async throws in
            for (token, limit, expectedPages) in [(admin, 2, 4), (acme, 4, 2)] {
                let whole = Self.names(try await client.get("/api/v1/inventory", token: token).json)
                var paged: [String] = []
                var offset: Int64? = 0
                var pages = 0
                while let next = offset {
                    let json = try await client.get("/api/v1/inventory?limit=\(limit)&offset=\(next)", token: token).json
                    paged += Self.names(json)
                    #expect(json["page"]?["limit"]?.int == Int64(limit))
                    offset = json["page"]?["next_offset"]?.int
                    pages += 1
                }
                #expect(pages == expectedPages)
                #expect(paged == whole)
            }
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
