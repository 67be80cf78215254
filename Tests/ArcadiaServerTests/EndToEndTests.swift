import ArcadiaServer
import DigitalOcean
import HTTPTypes
import MoneyAndTime
import Testing

/// One session that walks every endpoint in turn, as a console would, on one running service, over
/// the ledger `revenue-month-end` leaves (real tenants and invoices; it records no desired specs, so
/// its drift inbox is empty: accepting is covered by DriftEndpointTests).
@Suite(.timeLimit(.minutes(2))) struct EndToEndTests {
    static let now = Timestamp(year: 2026, month: 5, day: 6)

    @Test func everyEndpointAnswersInOneSession() async throws {
        let harness = try await ServiceHarness.make(scenario: "revenue-month-end", at: Self.now,
                                                    cors: .origins(["https://console.example.com"]))
        let admin = try await harness.adminToken
        let tenant = try await harness.tenantToken("globex")
        try await harness.test { client async throws in
            #expect(client.port > 0, "a real listening port")
            #expect(try await client.get("/api/health", token: nil).status == .ok)
            #expect(try await client.get("/api/v1/inventory", token: nil).status == .unauthorized)
            #expect(try await client.get("/api/v1/inventory", token: admin).json["page"]?["total"]?.int == 7)
            #expect(try await client.get("/api/v1/inventory", token: tenant).json.items.map { $0["name"]?.string } == ["shop-1"])
            #expect(try await client.get("/api/v1/billing/balance", token: admin).status == .ok)
            #expect(try await client.get("/api/v1/billing/balance", token: tenant).status == .forbidden)
            #expect(try await client.get("/api/v1/billing/cost-lines?period=2026-04-01", token: admin).status == .ok)
            #expect(try await client.get("/api/v1/billing/cost-lines?period=2026-13-01", token: admin).status == .badRequest)
            #expect(try await client.get("/api/v1/drift", token: admin).json.items.isEmpty)
            #expect(try await client.post("/api/v1/drift/1/accept", token: admin).status == .notFound)
            #expect(try await client.post("/api/v1/drift/1/accept", token: tenant).status == .forbidden)
            let mine = try await client.get("/api/v1/invoices", token: tenant).json
            #expect(mine.items.map { $0["total_cents"]?.int } == [1_933])
            let id = try #require(mine.items.first?["id"]?.int)
            #expect(try await client.get("/api/v1/invoices/\(id)", token: tenant).json["status"]?.string == "issued")
            #expect(try await client.get("/api/v1/invoices", token: admin).json["page"]?["total"]?.int == 2)
            let preflight = try await client.execute(uri: "/api/v1/drift", method: .options,
                                                     headers: [.origin: "https://console.example.com", .accessControlRequestMethod: "GET"])
            #expect(preflight.headers[.accessControlAllowOrigin] == "https://console.example.com")
        }
    }
}
