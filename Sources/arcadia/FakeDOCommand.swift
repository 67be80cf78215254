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

        @Flag(help: "Serve HTTPS with a certificate made at start-up; the CA a client must trust is written to a file and its path printed.")
        var tls = false

        @Option(help: "Serve HTTPS with this PEM certificate chain (with --key).")
        var cert: String?

        @Option(help: "The PEM private key of --cert.")
        var key: String?

        @Option(help: "On shutdown, write what clients changed over the API as a scenario (YAML) to this file.")
        var record: String?

        @OptionGroup var allowPath: AllowPathOption

        func run() async throws {
            let parsed: Scenario
            do {
                parsed = try ScenarioParser.load(path: scenario, confinement: allowPath.confinement)
            } catch {
                throw InputError(error.description)
            }
            let served = try Self.fake(parsed, at: at, speed: speed)
            let fake = served.world.fake
            if !doRateLimits { fake.configureRateLimits(perHour: 1_000_000_000, perMinute: 1_000_000_000) }
            let (identity, trustPath) = try Self.identity(tls: tls, cert: cert, key: key, host: host)
            // The throwaway CA is worth nothing once its server has stopped.
            defer { if let trustPath { try? FileManager.default.removeItem(atPath: (trustPath as NSString).deletingLastPathComponent) } }
            let server = FakeDigitalOceanServer(fake: fake, host: host, port: port, logger: Logger(label: "arcadia.fake-do"),
                                                identity: identity, prepare: served.prepare)
            let name = parsed.name
            let when = speed.map { "from \(parsed.clock.start) at \($0)x" } ?? "at \(fake.now)"
            let host = host
            let scheme = identity == nil ? "http" : "https"
            let recording: NewFileOutput?
            do {
                recording = try record.map { path throws(OutputRefusal) in try NewFileOutput(target: path, option: "--record") }
            } catch {
                throw InputError(error.description)
            }
            try await server.run(stopOnSignals: true) { bound in
                print("""
                    serving scenario \(name) \(when) on \(scheme)://\(host):\(bound)
                    token: \(FakeDigitalOcean.defaultToken) (the fake's public token; a real one is refused)
                    """)
                for line in Self.pendingFaultLines(fake.pendingFaults) { print(line) }
                if let trustPath {
                    print("""
                        ca:    \(trustPath) (trust it: REQUESTS_CA_BUNDLE=\(trustPath) for pydo and python-digitalocean, SSL_CERT_FILE for others)
                        """)
                }
                print("""
                    try:   FAKE_DO_TOKEN=\(FakeDigitalOcean.defaultToken) arcadia sync --token-env FAKE_DO_TOKEN --api \(scheme)://\(host):\(bound) --db out/fake.sqlite
                    """)
                // The banner is how a script learns the port (with --port 0): do not leave it in a pipe's buffer.
                fflush(nil)
            }
            if let recording {
                try Self.writeRecording(of: parsed, world: served.world, to: recording)
                print("recorded \(fake.recordedChanges.count) change\(fake.recordedChanges.count == 1 ? "" : "s") to \(recording.target)")
            }
        }

        /// One line per fault still armed at start-up, e.g. `pending fault: GET /v2/droplets page 2 -> 503, 3 more times`.
        static func pendingFaultLines(_ faults: [PendingFault]) -> [String] {
            faults.map { fault in
                let page = fault.page.map { " page \($0)" } ?? ""
                let what = switch fault.action {
                case .status(let status): String(status)
                case .truncatedBody: "a body cut in half"
                case .notJSONBody: "an HTML page instead of JSON"
                case .shiftAfterServing: "served, then the listing shifts"
                }
                return "pending fault: GET \(fault.path)\(page) -> \(what), \(fault.remaining) more time\(fault.remaining == 1 ? "" : "s")"
            }
        }

        /// HTTPS from `--cert`/`--key`, or (`--tls`) a throwaway CA and certificate whose CA is written
        /// beside the system's temporary files for clients to trust; nil serves plain HTTP.
        static func identity(tls: Bool, cert: String?, key: String?, host: String) throws -> (ServingIdentity?, trustPath: String?) {
            switch (tls, cert, key) {
            case (false, nil, nil):
                return (nil, nil)
            case (false, let cert?, let key?):
                do {
                    return (try ServingIdentity.load(certificatePath: cert, keyPath: key), nil)
                } catch {
                    throw InputError("--cert \(cert) --key \(key): \(error)")
                }
            case (true, nil, nil):
                let identity = try ServingIdentity.generated(host: host, now: Date())
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arcadia-fake-do-\(getpid())")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let path = folder.appendingPathComponent("ca.pem")
                try Data((identity.trustAnchorPEM ?? "").utf8).write(to: path, options: .atomic)
                return (identity, path.path)
            case (true, _, _):
                throw ValidationError("--tls makes its own certificate: give it, or --cert with --key, not both")
            default:
                throw ValidationError("--cert and --key go together")
            }
        }

        /// The served scenario with the timeline the fake played and every write clients made, as a
        /// new file: `--record` is checked when serving starts (an existing file, the served
        /// scenario itself included, is never replaced) and written whole at shutdown.
        static func writeRecording(of scenario: Scenario, world: MovingScenarioWorld, to output: NewFileOutput) throws {
            let fake = world.fake
            let recorded = try ScenarioRecording.scenario(scenario, playedThrough: fake.now, changes: fake.recordedChanges,
                                                          label: world.label(ofAddress:))
            try output.write(ScenarioWriter.yaml(recorded))
        }

        /// The scenario's fake, frozen at `at` or moving from `clock.start` at `speed`, and what the
        /// server calls before each request: it moves the world, or for a frozen fake only DO's rate
        /// limits, by the real time since `origin` (so a client that waits out a 429 is served). The
        /// limits' reset and retry-after are told on the real clock the clients read.
        static func fake(_ scenario: Scenario, at: String?, speed: Int?, origin: Date = Date())
            throws -> (world: MovingScenarioWorld, prepare: @Sendable () throws -> Void) {
            do {
                if let speed {
                    guard at == nil else { throw ValidationError("--at freezes the fake and --speed moves it: give one of them") }
                    let clock = try RunningClock.parse(start: scenario.clock.start.iso8601, speed: speed, origin: origin)
                    let moving = try MovingScenarioWorld(scenario)
                    // Moving in time, what a client starts takes about a minute of fake time, as on DO.
                    moving.fake.setActionDuration(seconds: 60)
                    moving.fake.tellRateLimits(on: ClientClock(start: clock.start, origin: clock.origin, speed: clock.speed))
                    return (moving, { try moving.advance(to: clock.now()) })
                }
                var instant: Timestamp?
                if let at {
                    guard let time = Timestamp(iso8601: at) else { throw ValidationError("--at \(at) is not an ISO 8601 UTC time like 2026-04-02T12:00:00Z") }
                    instant = time
                }
                let frozen = try ScenarioWorld.played(scenario, at: instant)
                let limits = RunningClock(start: frozen.fake.now, origin: origin)
                frozen.fake.tellRateLimits(on: ClientClock(start: limits.start, origin: limits.origin))
                return (frozen, { frozen.fake.passTimeForRateLimits(until: limits.now()) })
            } catch let error as SimulationError {
                throw InputError(error.description)
            }
        }
    }
}
