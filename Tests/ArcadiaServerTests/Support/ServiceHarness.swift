import ArcadiaCore
import ArcadiaServer
import DigitalOcean
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MoneyAndTime
import Workbench
import WorkbenchTestSupport

/// The service over a copy of a scenario-produced ledger, with a clock stopped at `now`.
struct ServiceHarness {
    let ledger: Ledger
    let service: ArcadiaService
    let now: Timestamp

    /// `scenario` is played by the simulator (once per process per `variant`) and copied.
    static func make(scenario: String, at now: Timestamp, cors: CORSPolicy = .disabled,
                     variant: String = "", edit: @escaping @Sendable (inout Scenario) -> Void = { _ in }) async throws -> ServiceHarness {
        let path = try await ScenarioLedgers.copy(of: scenario, variant: variant, edit: edit)
        let ledger = try Ledger(path: path)
        let clock = EngineClock.fixed(now)
        let secret = try JWTSecret(TestTokens.secretText)
        let service = ArcadiaService(ledger: ledger, verifier: await TokenVerifier(secret: secret, clock: clock), clock: clock, cors: cors,
                                     priceBooks: .yaml)
        return ServiceHarness(ledger: ledger, service: service, now: now)
    }

    /// Runs `body` against the service listening on a free loopback port (`ArcadiaService.run`,
    /// the entry point `arcadia serve` uses), through a plain HTTP client; stops it afterwards.
    func test<Value: Sendable>(_ body: @Sendable (LoopbackClient) async throws -> Value) async throws -> Value {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let service = service
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await service.run(host: "127.0.0.1", port: 0, logger: Logger(label: "arcadia.serve.test", factory: { _ in SwiftLogNoOpLogHandler() })) {
                    continuation.yield($0)
                }
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.waitForAll()
                throw ServiceDidNotStart()
            }
            defer { group.cancelAll() }
            return try await body(LoopbackClient(port: port))
        }
    }

    var adminToken: String {
        get async throws { try await TestTokens.sign(TestTokens.admin(at: now)) }
    }

    func tenantToken(_ code: String) async throws -> String {
        try await TestTokens.sign(TestTokens.tenant(code, at: now))
    }
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

struct ServiceDidNotStart: Error {}
