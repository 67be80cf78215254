import ArgumentParser
import DigitalOcean
import FakeDigitalOcean
import FakeDigitalOceanServer
import Foundation
import Logging
import MoneyAndTime
import Workbench

/// `arcadia fake-do …`: the fake DigitalOcean outside the simulator.
struct FakeDOCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-do",
        abstract: "The fake DigitalOcean of a scenario, for other clients.",
        subcommands: [Serve.self]
    )

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve a scenario's fake DigitalOcean over HTTP, frozen at one instant or moving in time.",
            discussion: """
                Frozen (default): the world is the scenario's initial world plus every timeline event at or before --at \
                (default: clock.end). Moving (--speed N): the fake's clock starts at clock.start and advances N virtual \
                seconds per real second, playing the timeline's world events as it passes them; point \
                `arcadia serve --schedule --start <clock.start> --speed N` at it. DO's rate limits are lifted unless \
                --do-rate-limits is given. Stop with Ctrl-C.
                """
        )

        @Option(help: "The scenario file.")
        var scenario: String

        @Option(help: "The instant to serve, e.g. 2026-04-02T12:00:00Z (default: the scenario's clock.end).")
        var at: String?

        @Option(help: "Move the fake's clock from clock.start, this many virtual seconds per real second (instead of --at).")
        var speed: Int?

        @Option(help: "The port to listen on (0: any free port).")
        var port = 8080

        @Option(help: "The address to listen on. Keep it on loopback: the fake's token is public.")
        var host = "127.0.0.1"

        @Flag(help: "Keep DO's 5,000/hour and 250/minute limits.")
        var doRateLimits = false

        func run() async throws {
            let parsed: Scenario
            do {
                parsed = try ScenarioParser.load(path: scenario)
            } catch {
                throw ValidationError(error.description)
            }
            let served = try Self.fake(parsed, at: at, speed: speed)
            let fake = served.fake
            if !doRateLimits { fake.configureRateLimits(perHour: 1_000_000_000, perMinute: 1_000_000_000) }
            let server = FakeDigitalOceanServer(fake: fake, host: host, port: port, logger: Logger(label: "arcadia.fake-do"),
                                                prepare: served.prepare)
            let name = parsed.name
            let when = speed.map { "from \(parsed.clock.start) at \($0)x" } ?? "at \(fake.now)"
            let host = host
            try await server.run(stopOnSignals: true) { bound in
                print("""
                    serving scenario \(name) \(when) on http://\(host):\(bound)
                    token: \(FakeDigitalOcean.defaultToken) (the fake's public token; a real one is refused)
                    try:   FAKE_DO_TOKEN=\(FakeDigitalOcean.defaultToken) arcadia sync --token-env FAKE_DO_TOKEN --api http://\(host):\(bound) --db out/fake.sqlite
                    """)
                // The banner is how a script learns the port (with --port 0): do not leave it in a pipe's buffer.
                fflush(nil)
            }
        }

        /// The scenario's fake, frozen at `at` or moving from `clock.start` at `speed`, and what the
        /// server calls before each request (nothing for a frozen fake).
        static func fake(_ scenario: Scenario, at: String?, speed: Int?) throws -> (fake: FakeDigitalOcean, prepare: @Sendable () throws -> Void) {
            do {
                if let speed {
                    guard at == nil else { throw ValidationError("--at freezes the fake and --speed moves it: give one of them") }
                    let clock = try RunningClock.parse(start: scenario.clock.start.iso8601, speed: speed)
                    let moving = try MovingScenarioWorld(scenario)
                    return (moving.fake, { try moving.advance(to: clock.now()) })
                }
                var instant: Timestamp?
                if let at {
                    guard let time = Timestamp(iso8601: at) else { throw ValidationError("--at \(at) is not an ISO 8601 UTC time like 2026-04-02T12:00:00Z") }
                    instant = time
                }
                return (try ScenarioWorld.build(scenario, at: instant), {})
            } catch let error as SimulationError {
                throw ValidationError(error.description)
            }
        }
    }
}
