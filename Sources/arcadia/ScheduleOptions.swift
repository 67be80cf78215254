import ArcadiaCore
import ArgumentParser
import DigitalOcean
import Foundation
import Logging

/// `serve --schedule …`: the options that turn the API into the running service, which fires the
/// production job table through `JobRunner` against DigitalOcean (or a served fake).
struct ScheduleOptions: ParsableArguments {
    @Flag(help: "Run the production job table (sync, costs, drift, metering, invoicing) beside the API; creates a missing ledger.")
    var schedule = false

    @Option(help: "With --schedule: the environment variable holding the DigitalOcean API token.")
    var tokenEnv: String?

    @Option(help: "With --schedule: the API root, DigitalOcean or a served fake such as http://127.0.0.1:8080.")
    var api = URLSessionTransport.digitalOcean.absoluteString

    @Option(help: "Start the service's clock at this UTC time instead of now, e.g. the served fake's clock.start.")
    var start: String?

    @Option(help: "Run the service's clock this many times faster than the wall clock (with a moving fake).")
    var speed: Int?

    func validate() throws {
        if schedule, tokenEnv == nil { throw ValidationError("--schedule needs --token-env naming the variable that holds the API token") }
        if !schedule, tokenEnv != nil || start != nil || speed != nil {
            throw ValidationError("--token-env, --start and --speed only mean something with --schedule")
        }
    }

    func clock() throws -> RunningClock { try RunningClock.parse(start: start, speed: speed) }

    /// The DigitalOcean client the scheduler lists with, over the production client stack (godo's
    /// retries, waiting for real); nil without `--schedule`. Made before the ledger is opened, so a
    /// missing token refuses the start without creating a ledger file.
    func client(environment: [String: String]) throws -> DigitalOceanClient? {
        guard schedule, let tokenEnv else { return nil }
        let token = try SyncCommand.token(named: tokenEnv, in: environment)
        let transport = RetryingTransport(URLSessionTransport(baseURL: try SyncCommand.apiRoot(api)), policy: .godo, sleeper: .live)
        return DigitalOceanClient(transport: transport, token: token)
    }

    /// The scheduler over `client`, or nil without one (no `--schedule`).
    func scheduler(ledger: Ledger, client: DigitalOceanClient?, clock: RunningClock, logger: Logger) -> JobScheduler? {
        guard let client else { return nil }
        var runner = JobRunner(client: client, ledger: ledger, clock: clock.engineClock)
        runner.inventory.logger = logger
        return JobScheduler(runner: runner, ledger: ledger, clock: clock.engineClock, sleeper: clock.sleeper, logger: logger)
    }
}
