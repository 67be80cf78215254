import ArgumentParser
import ArcadiaCore
import DigitalOcean
import Foundation
import Logging
import MoneyAndTime

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Run one sweep of every inventory worker against a DigitalOcean-compatible API into a ledger file.",
        discussion: """
            The token is read from the environment variable named by --token-env and is never printed or logged. \
            429 and 5xx answers (not 501) and connection failures are retried as godo does: retry-after honoured, \
            otherwise 1 s, 2 s, 4 s, 8 s. Exits 1 when any listing still failed.
            """
    )

    @Option(help: "The environment variable holding the API token (e.g. DIGITALOCEAN_TOKEN).")
    var tokenEnv: String

    @Option(help: "The API root: DigitalOcean, or a served fake such as http://127.0.0.1:8080.")
    var api = URLSessionTransport.digitalOcean.absoluteString

    @Option(help: "The SQLite ledger to sync into (created if missing).")
    var db: String

    func run() async throws {
        let token = try Self.token(named: tokenEnv, in: ProcessInfo.processInfo.environment)
        let root = try Self.apiRoot(api)
        let wallClock = EngineClock { Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }
        let reports = try await Self.sweep(api: root, token: token, ledgerPath: db, clock: wallClock, sleeper: .live)
        print(SyncSummary.render(reports, api: root), terminator: "")
        if reports.contains(where: { !$0.complete || !$0.failures.isEmpty }) { throw ExitCode(1) }
    }

    /// The token from `environment[name]`; the error names the variable, never a value.
    static func token(named name: String, in environment: [String: String]) throws -> String {
        guard let token = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty else {
            throw ValidationError("the environment variable \(name) named by --token-env is missing or empty")
        }
        return token
    }

    static func apiRoot(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil, url.query == nil else {
            throw ValidationError("--api must be an http(s) URL with a host and no query, e.g. http://127.0.0.1:8080")
        }
        return url
    }

    /// The command without the environment, the wall clock or printing: one sweep of the job
    /// table's inventory workers through `JobRunner`, over `URLSessionTransport` wrapped in godo's
    /// retry policy. The workers' warnings are not
    /// logged: the summary prints every failure they would repeat.
    static func sweep(api: URL, token: String, ledgerPath: String, clock: EngineClock, sleeper: Sleeper,
                      policy: RetryPolicy = .godo) async throws -> [SyncReport] {
        let transport = RetryingTransport(URLSessionTransport(baseURL: api), policy: policy, sleeper: sleeper)
        let client = DigitalOceanClient(transport: transport, token: token)
        let quiet = Logger(label: "arcadia.sync", factory: { _ in SwiftLogNoOpLogHandler() })
        try LedgerPath.check(ledgerPath)
        var runner = JobRunner(client: client, ledger: try LedgerPath.open(ledgerPath), clock: clock)
        runner.inventory.logger = quiet
        return try await runner.sweepInventory()
    }
}
