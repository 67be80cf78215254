import ArcadiaCore
import MoneyAndTime
import Testing

/// `GET /api/v1/margin` over revenue-month-end's ledger, figures from its goldens: April's DO
/// lines (cost_lines.tsv) attributed through the droplets' projects, against the invoices'
/// subtotals (tenant_invoice_lines.tsv, tax excluded).
@Suite(.timeLimit(.minutes(2))) struct MarginEndpointTests {
    static let now = Timestamp(year: 2026, month: 5, day: 2)

    @Test func marginPerDeploymentAndPerTenant() async throws {
        let harness = try await ServiceHarness.make(scenario: "revenue-month-end", at: Self.now)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let byDeployment = try await client.get("/api/v1/margin?from=2026-04-01&to=2026-04-01", token: admin).json
            #expect(byDeployment["by"]?.string == "deployment")
            let items = byDeployment.items
            #expect(items.map { $0["key"]?.string } == ["acme-api", "acme-web", "globex-shop"])
            // acme-api: pro 99.00 + overage 7.06; acme-web: starter 29.00 + storage_50gb 5.00; globex: 20/30 of 29.00.
            #expect(items.map { $0["revenue_cents"]?.int } == [10_606, 3_400, 1_933])
            #expect(items.map { $0["cost_cents"]?.int } == [9_600, 600, 600])
            #expect(items.map { $0["margin_cents"]?.int } == [1_006, 2_800, 1_333])
            let byTenant = try await client.get("/api/v1/margin?by=tenant", token: admin).json.items
            #expect(byTenant.map { $0["key"]?.string } == ["acme", "globex"])
            #expect(byTenant.map { $0["cost_cents"]?.int } == [10_200, 600])
        }
    }

    /// A list like every other: `limit` and `offset`, and a `page` that says where the next one starts.
    @Test func marginIsPaginated() async throws {
        let harness = try await ServiceHarness.make(scenario: "revenue-month-end", at: Self.now)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let first = try await client.get("/api/v1/margin?limit=2", token: admin).json
            #expect(first["by"]?.string == "deployment")
            #expect(first.items.map { $0["key"]?.string } == ["acme-api", "acme-web"])
            #expect(first["page"]?["total"]?.int == 3)
            #expect(first["page"]?["next_offset"]?.int == 2)
            let second = try await client.get("/api/v1/margin?limit=2&offset=2", token: admin).json
            #expect(second.items.map { $0["key"]?.string } == ["globex-shop"])
            #expect(second["page"]?["next_offset"] == .null)
            #expect(try await client.get("/api/v1/margin?limit=0", token: admin).status == .badRequest)
        }
    }

    @Test func tenantsAndBadParametersAreRefused() async throws {
        let harness = try await ServiceHarness.make(scenario: "revenue-month-end", at: Self.now)
        let admin = try await harness.adminToken
        let tenant = try await harness.tenantToken("acme")
        try await harness.test { client async throws in
            #expect(try await client.get("/api/v1/margin", token: tenant).status == .forbidden)
            #expect(try await client.get("/api/v1/margin?by=month", token: admin).status == .badRequest)
            #expect(try await client.get("/api/v1/margin?from=2026-04-02", token: admin).status == .badRequest)
            let reversed = try await client.get("/api/v1/margin?from=2026-05&to=2026-04", token: admin)
            #expect(try reversed.status == .badRequest && reversed.json["error"]?["parameter"]?.string == "to")
            #expect(try await client.get("/api/v1/margin?period=2026-04-01", token: admin).status == .badRequest)
        }
    }
}
