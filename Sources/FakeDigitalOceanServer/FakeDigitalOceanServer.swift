import FakeDigitalOcean
import Hummingbird
import Logging

/// The fake DigitalOcean served over real HTTP (Hummingbird, HTTP/1.1, no TLS), so any client, ours
/// through `URLSessionTransport` or another team's, can be pointed at it. Meant for loopback.
public struct FakeDigitalOceanServer: Sendable {
    public let fake: FakeDigitalOcean
    public var host: String
    /// 0 lets the system pick a free port; `run`'s `onListening` says which.
    public var port: Int
    public var logger: Logger
    /// Called before each request (`FakeDigitalOceanResponder.prepare`).
    public var prepare: @Sendable () throws -> Void

    public init(fake: FakeDigitalOcean, host: String = "127.0.0.1", port: Int = 8080,
                logger: Logger = Logger(label: "arcadia.fake-do", factory: { _ in SwiftLogNoOpLogHandler() }),
                prepare: @escaping @Sendable () throws -> Void = {}) {
        self.fake = fake
        self.prepare = prepare
        self.host = host
        self.port = port
        self.logger = logger
    }

    /// Serves until the task is cancelled or, with `stopOnSignals`, until SIGINT or SIGTERM.
    /// `onListening` receives the port actually bound once requests can be sent.
    public func run(stopOnSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let fallbackPort = port
        let app = Application(
            responder: FakeDigitalOceanResponder(fake: fake, prepare: prepare),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? fallbackPort) },
            logger: logger)
        if stopOnSignals {
            try await app.runService()
        } else {
            try await app.run()
        }
    }
}
