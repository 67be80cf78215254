import ArcadiaServer
import DigitalOcean
import HTTPTypes
import MoneyAndTime
import Testing

@Suite(.timeLimit(.minutes(2))) struct CORSTests {
    static let now = Timestamp(year: 2026, month: 5, day: 2)
    static let console = "https://console.example.com"

    @Test func anAllowedOriginGetsCORSHeadersOnAnswersAndErrorsAndAPreflight() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now, cors: .origins([Self.console]))
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let ok = try await client.get("/api/v1/inventory", token: admin, headers: [.origin: Self.console])
            #expect(ok.headers[.accessControlAllowOrigin] == Self.console)
            #expect(ok.headers[.vary] == "Origin")
            let refused = try await client.get("/api/v1/inventory", token: nil, headers: [.origin: Self.console])
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.accessControlAllowOrigin] == Self.console, "a browser page can read why it was refused")
            let preflight = try await client.execute(uri: "/api/v1/inventory", method: .options, headers: [
                .origin: Self.console, .accessControlRequestMethod: "GET", .accessControlRequestHeaders: "authorization",
            ])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == Self.console)
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("authorization") == true)
            #expect(preflight.headers[.accessControlAllowCredentials] == nil, "tokens travel in a header, never as credentials")
        }
    }

    @Test func anOtherOriginGetsNoCORSHeaders() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now, cors: .origins([Self.console]))
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let response = try await client.get("/api/v1/inventory", token: admin, headers: [.origin: "https://evil.example"])
            #expect(response.status == .ok)
            #expect(response.headers[.accessControlAllowOrigin] == nil)
            let preflight = try await client.execute(uri: "/api/v1/inventory", method: .options, headers: [.origin: "https://evil.example"])
            #expect(preflight.headers[.accessControlAllowOrigin] == nil)
            // The answer depends on Origin, so a shared cache must not give it to the console's page,
            // whether it is an answer, an error, or a request that sent no Origin at all.
            #expect(response.headers[.vary] == "Origin")
            #expect(preflight.headers[.vary] == "Origin")
            let refused = try await client.get("/api/v1/inventory", token: nil, headers: [.origin: "https://evil.example"])
            #expect(refused.status == .unauthorized && refused.headers[.vary] == "Origin")
            let plain = try await client.get("/api/v1/inventory", token: admin)
            #expect(plain.status == .ok && plain.headers[.vary] == "Origin")
        }
    }

    @Test func corsIsOffByDefault() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        try await harness.test { client async throws in
            let response = try await client.get("/api/health", token: nil, headers: [.origin: Self.console])
            #expect(response.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func thePolicyParsesOriginsAndRefusesWhatIsNotOne() throws {
        #expect(try CORSPolicy(parsing: []) == .disabled)
        #expect(try CORSPolicy(parsing: ["", " "]) == .disabled)
        #expect(try CORSPolicy(parsing: ["*"]) == .anyOrigin)
        #expect(try CORSPolicy(parsing: ["https://a.example, http://localhost:5173", "https://a.example"])
                == .origins(["https://a.example", "http://localhost:5173"]))
        for bad in ["a.example", "https://a.example/app", "ftp://a.example", "https://a.example?x=1"] {
            #expect(throws: CORSPolicyError.notAnOrigin(bad)) { try CORSPolicy(parsing: [bad]) }
        }
        #expect(throws: CORSPolicyError.wildcardWithOthers) { try CORSPolicy(parsing: ["*", "https://a.example"]) }
    }
}
