import ArcadiaCore
import DigitalOcean
import Testing

@Suite(.timeLimit(.minutes(2))) struct HealthAndRoutingTests {
    static let now = Timestamp(year: 2026, month: 5, day: 2)

    @Test func healthNeedsNoTokenAndNamesTheServiceAndVersion() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        try await harness.test { client async throws in
            let response = try await client.get("/api/health", token: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.text == #"{"service":"arcadia-cloud","status":"ok","version":"1.0.0"}"#)
        }
    }

    @Test func anUnknownRouteIsA404InTheErrorShape() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        try await harness.test { client async throws in
            let response = try await client.get("/api/v2/nothing", token: nil)
            #expect(response.status == .notFound)
            #expect(try response.json["error"]?["status"]?.int == 404)
            #expect(try response.json["error"]?["code"]?.string == "not_found")
        }
    }

    @Test func healthTakesNoParameters() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        try await harness.test { client async throws in
            let response = try await client.get("/api/health?verbose=1", token: nil)
            #expect(response.status == .badRequest)
            #expect(try response.json["error"]?["parameter"]?.string == "verbose")
        }
    }
}
