import ArcadiaCore
import ArcadiaServer
import DigitalOcean
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Workbench

/// The service over a copy of a scenario-produced ledger, with a clock stopped at `now`.
struct ServiceHarness {
    let ledger: Ledger
    let service: ArcadiaService
    let now: Timestamp

    /// `scenario` is played by the simulator (once per process) and copied; `tenants` adds
    /// `TenantFixtures` (the v4-revenue rows no engine writes yet).
    static func make(scenario: String, at now: Timestamp, tenants: Bool = false, cors: CORSPolicy = .disabled,
                     variant: String = "", edit: @escaping @Sendable (inout Scenario) -> Void = { _ in }) async throws -> ServiceHarness {
        let path = try await ScenarioLedgers.copy(of: scenario, variant: variant, edit: edit)
        let ledger = try Ledger(path: path)
        if tenants { try TenantFixtures.install(in: ledger) }
        let clock = EngineClock.fixed(now)
        let secret = try JWTSecret(TestTokens.secretText)
        let service = ArcadiaService(ledger: ledger, verifier: await TokenVerifier(secret: secret, clock: clock), clock: clock, cors: cors)
        return ServiceHarness(ledger: ledger, service: service, now: now)
    }

    /// Runs `body` against the service: in process through the router by default, or through a
    /// real loopback socket with `.live`.
    func test<Value: Sendable>(_ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: service.router(), logger: Logger(label: "arcadia.serve.test", factory: { _ in SwiftLogNoOpLogHandler() }))
        return try await app.test(setup, body)
    }

    var adminToken: String {
        get async throws { try await TestTokens.sign(TestTokens.admin(at: now)) }
    }

    func tenantToken(_ code: String) async throws -> String {
        try await TestTokens.sign(TestTokens.tenant(code, at: now))
    }
}

extension TestClientProtocol {
    func get(_ uri: String, token: String?, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    func post(_ uri: String, token: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: .post, headers: headers)
    }
}

extension TestResponse {
    /// The body as JSON (a failed parse fails the test that reads it).
    var json: JSONValue {
        get throws { try JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView)) }
    }

    var text: String { String(buffer: body) }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    var items: [JSONValue] {
        if case .array(let items) = self { return items }
        if case .array(let items)? = self["items"] { return items }
        return []
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var int: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }
}
