import ArcadiaCore
import ArcadiaServer
import ArgumentParser
import DigitalOcean
import Foundation
import Logging
import MoneyAndTime
import Workbench

/// `arcadia serve`: the ledger over the authenticated HTTP API (`docs/api.md`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a ledger (from arcadia sync or arcadia run --db) over the authenticated HTTP API.",
        discussion: """
            Tokens are HS512 JWTs issued by another application; the shared secret (at least 64 bytes) is read from the \
            environment variable named by --jwt-secret-env and is never printed or logged. There is no default secret: \
            without it the service does not start. CORS is off unless --cors-origin or ARCADIA_CORS_ORIGINS \
            (comma-separated) names origins. Stop with Ctrl-C.
            """
    )

    static let corsVariable = "ARCADIA_CORS_ORIGINS"

    @Option(help: "The SQLite ledger to serve (it must exist, unless --schedule creates it).")
    var db: String

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 4005

    @Option(help: "The environment variable holding the HS512 secret shared with the token issuer.")
    var jwtSecretEnv = "ARCADIA_JWT_SECRET"

    @Option(help: "The audience this service identifies itself with: a token whose aud claim leaves it out is refused.")
    var jwtAudience = TokenVerifier.defaultAudience

    @Option(help: "A browser origin allowed to call the API, e.g. https://console.example.com; repeatable; * for any.")
    var corsOrigin: [String] = []

    @OptionGroup var schedule: ScheduleOptions

    func run() async throws {
        let wallClock = EngineClock { Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }
        let environment = ProcessInfo.processInfo.environment
        let time = try schedule.clock()
        let client = try schedule.client(environment: environment)
        if schedule.schedule, !FileManager.default.fileExists(atPath: db) {
            // A ledger created for a service that then cannot listen would be left behind, empty.
            try await ArcadiaService.checkCanListen(host: host, port: port)
        }
        let service = try await Self.service(ledgerPath: db, secretVariable: jwtSecretEnv, audience: jwtAudience, corsOrigins: corsOrigin,
                                             environment: environment, clock: time.engineClock, tokenClock: wallClock,
                                             createsLedger: schedule.schedule)
        let logger = Logger(label: "arcadia.serve")
        let scheduler = schedule.scheduler(ledger: service.ledger, client: client, clock: time, logger: logger)
        let lock = scheduler == nil ? nil : try await SchedulerLock.acquire(beside: db) { print($0); fflush(nil) }
        defer { lock?.release() }
        let (host, db, variable, audience) = (host, db, jwtSecretEnv, jwtAudience)
        let cors = Self.describe(service.cors)
        let jobs = scheduler == nil ? "off (read and admin API only; --schedule runs the job table)"
            : "the job table against \(schedule.api), clock \(time.now()) at \(time.speed)x"
        try await service.run(host: host, port: port, logger: logger, stopOnSignals: true, scheduler: scheduler) { bound in
            print("""
                serving ledger \(db) on http://\(host):\(bound)
                auth:  HS512 bearer tokens, secret from $\(variable), audience '\(audience)' (or no aud claim)
                cors:  \(cors)
                jobs:  \(jobs)
                try:   curl http://\(host):\(bound)/api/health
                """)
            // The banner is how a script learns the port (with --port 0): do not leave it in a pipe's buffer.
            fflush(nil)
        }
    }

    /// The service without the wall clock, printing or the process environment. Refuses a missing
    /// ledger file (serving would create an empty one) unless `createsLedger` (`--schedule`: a new
    /// service starts empty), a file that is not a ledger, a missing, empty or short secret (naming
    /// the variable, never a value), an empty audience and a malformed CORS origin. Tokens expire by `tokenClock`
    /// (default `clock`), which stays the wall clock when `--speed` makes the ledger's time run fast.
    static func service(ledgerPath: String, secretVariable: String, audience: String = TokenVerifier.defaultAudience, corsOrigins: [String],
                        environment: [String: String], clock: EngineClock, tokenClock: EngineClock? = nil,
                        createsLedger: Bool = false) async throws -> ArcadiaService {
        let exists = FileManager.default.fileExists(atPath: ledgerPath)
        guard exists || createsLedger else {
            throw InputError("--db \(ledgerPath): no such ledger file; create one with arcadia sync or arcadia run --db, or serve --schedule")
        }
        try LedgerPath.check(ledgerPath)
        guard let text = environment[secretVariable], !text.isEmpty else {
            throw ValidationError("the environment variable \(secretVariable) named by --jwt-secret-env is missing or empty; there is no default secret")
        }
        let secret: JWTSecret
        do {
            secret = try JWTSecret(text)
        } catch {
            throw ValidationError("\(secretVariable): \(error.description)")
        }
        guard !audience.isEmpty else { throw ValidationError("--jwt-audience must not be empty") }
        let cors: CORSPolicy
        do {
            cors = try CORSPolicy(parsing: corsOrigins + [environment[corsVariable] ?? ""])
        } catch {
            throw ValidationError(error.description)
        }
        let ledger = try LedgerPath.open(ledgerPath, shared: true)
        return ArcadiaService(ledger: ledger, verifier: await TokenVerifier(secret: secret, clock: tokenClock ?? clock, audience: audience),
                              clock: clock, cors: cors, priceBooks: .yaml)
    }

    static func describe(_ cors: CORSPolicy) -> String {
        switch cors {
        case .disabled: "off (no browser origin may read answers)"
        case .anyOrigin: "any origin"
        case .origins(let origins): origins.joined(separator: ", ")
        }
    }
}
