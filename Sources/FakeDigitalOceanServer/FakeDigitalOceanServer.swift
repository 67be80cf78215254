import FakeDigitalOcean
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging

/// The fake DigitalOcean served over real HTTP/1.1 (Hummingbird), or HTTPS with an `identity`, so
/// any client, ours through `URLSessionTransport` or another team's, can be pointed at it. Meant
/// for loopback.
public struct FakeDigitalOceanServer: Sendable {
    public let fake: FakeDigitalOcean
    public var host: String
    /// 0 lets the system pick a free port; `run`'s `onListening` says which.
    public var port: Int
    public var logger: Logger
    /// Called before each request (`FakeDigitalOceanResponder.prepare`).
    public var prepare: @Sendable () throws -> Void
    /// Serve HTTPS with this certificate and key; nil serves plain HTTP.
    public var identity: ServingIdentity?

    public init(fake: FakeDigitalOcean, host: String = "127.0.0.1", port: Int = 8080,
                logger: Logger = Logger(label: "arcadia.fake-do", factory: { _ in SwiftLogNoOpLogHandler() }),
                identity: ServingIdentity? = nil,
                prepare: @escaping @Sendable () throws -> Void = {}) {
        self.fake = fake
        self.prepare = prepare
        self.host = host
        self.port = port
        self.logger = logger
        self.identity = identity
    }

    /// Serves until the task is cancelled or, with `stopOnSignals`, until SIGINT or SIGTERM.
    /// `onListening` receives the port actually bound once requests can be sent.
    public func run(stopOnSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let fallbackPort = port
        let server = try identity.map { try HTTPServerBuilder.tls(.http1(), tlsConfiguration: try $0.tlsConfiguration()) } ?? .http1()
        let app = Application(
            responder: FakeDigitalOceanResponder(fake: fake, scheme: identity == nil ? "http" : "https", prepare: prepare),
            server: server,
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
