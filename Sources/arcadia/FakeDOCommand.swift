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
            abstract: "Serve a scenario's fake DigitalOcean over HTTP, frozen at one instant.",
            discussion: """
                The world is the scenario's initial world plus every timeline event at or before --at (default: clock.end). \
                Virtual time does not move while serving, so DO's rate limits are lifted unless --do-rate-limits is given \
                (then, once spent, they stay spent until restart). Stop with Ctrl-C.
                """
        )

        @Option(help: "The scenario file.")
        var scenario: String

        @Option(help: "The instant to serve, e.g. 2026-04-02T12:00:00Z (default: the scenario's clock.end).")
        var at: String?

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
            var instant: Timestamp?
            if let at {
                guard let time = Timestamp(iso8601: at) else { throw ValidationError("--at \(at) is not an ISO 8601 UTC time like 2026-04-02T12:00:00Z") }
                instant = time
            }
            let fake: FakeDigitalOcean
            do {
                fake = try ScenarioWorld.build(parsed, at: instant)
            } catch {
                throw ValidationError(error.description)
            }
            if !doRateLimits { fake.configureRateLimits(perHour: 1_000_000_000, perMinute: 1_000_000_000) }
            let server = FakeDigitalOceanServer(fake: fake, host: host, port: port, logger: Logger(label: "arcadia.fake-do"))
            let name = parsed.name
            let now = fake.now
            let host = host
            try await server.run(stopOnSignals: true) { bound in
                print("""
                    serving scenario \(name) at \(now) on http://\(host):\(bound)
                    token: \(FakeDigitalOcean.defaultToken) (the fake's public token; a real one is refused)
                    try:   FAKE_DO_TOKEN=\(FakeDigitalOcean.defaultToken) arcadia sync --token-env FAKE_DO_TOKEN --api http://\(host):\(bound) --db out/fake.sqlite
                    """)
                // The banner is how a script learns the port (with --port 0): do not leave it in a pipe's buffer.
                fflush(nil)
            }
        }
    }
}
