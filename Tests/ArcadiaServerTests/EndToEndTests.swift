import ArcadiaServer
import DigitalOcean
import HTTPTypes
import Testing

/// One session that walks every endpoint in turn, as a console would, on one running service.
@Suite(.timeLimit(.minutes(2))) struct EndToEndTests {
    static let now = Timestamp(year: 2026, month: 5, day: 2)

    @Test func everyEndpointAnswersInOneSession() async throws {
        let harness = try await ServiceHarness.make(scenario: "drift-ignore-expiry", at: Self.now, tenants: true,
                                                    cors: .origins(["https://console.example.com"]))
        let admin = try await harness.adminToken
        let tenant = try await harness.tenantToken("pilot")
        try await harness.test { client async throws in
            #expect(client.port > 0, "a real listening port")
            #expect(try await client.get("/api/health", token: nil).status == .ok)
            #expect(try await client.get("/api/v1/inventory", token: nil).status == .unauthorized)
            #expect(try await client.get("/api/v1/inventory", token: admin).json["page"]?["total"]?.int == 3)
            #expect(try await client.get("/api/v1/inventory", token: tenant).json.items.isEmpty, "pilot owns no Default-project droplet")
            #expect(try await client.get("/api/v1/billing/balance", token: admin).status == .ok)
            #expect(try await client.get("/api/v1/billing/balance", token: tenant).status == .forbidden)
            #expect(try await client.get("/api/v1/billing/cost-lines?period=2026-04-01", token: admin).status == .ok)
            #expect(try await client.get("/api/v1/billing/cost-lines?period=2026-13-01", token: admin).status == .badRequest)
            let inbox = try await client.get("/api/v1/drift", token: admin).json
            let id = try #require(inbox.items.first?["id"]?.int)
            #expect(try await client.post("/api/v1/drift/\(id)/accept", token: admin).json["status"]?.string == "accepted")
            #expect(try await client.get("/api/v1/invoices", token: tenant).json["page"]?["total"]?.int == 2)
            #expect(try await client.get("/api/v1/invoices/1", token: admin).status == .ok)
            let preflight = try await client.execute(uri: "/api/v1/drift", method: .options,
                                                     headers: [.origin: "https://console.example.com", .accessControlRequestMethod: "GET"])
            #expect(preflight.headers[.accessControlAllowOrigin] == "https://console.example.com")
        }
    }
}
