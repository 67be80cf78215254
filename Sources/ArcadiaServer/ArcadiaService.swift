import ArcadiaCore
import Hummingbird
import NIOCore
import Logging
import ServiceLifecycle

/// The ledger over an authenticated HTTP API (`arcadia serve`). It owns no state besides the
/// ledger: the routes call the same queries and engine entry points as the rest of the code.
///
/// Middleware order, outermost first: CORS (so error answers carry CORS headers too), JSON
/// errors, the answer to a request no route takes, then, on `/api/v1` only, token verification.
public struct ArcadiaService: Sendable {
    public let ledger: Ledger
    public let verifier: TokenVerifier
    /// Time for what the service writes (an accepted drift's `closed_at`) and for token expiry.
    public let clock: EngineClock
    public let cors: CORSPolicy
    /// Reads the price books the admin API is sent.
    public let priceBooks: PriceBookReader

    public init(ledger: Ledger, verifier: TokenVerifier, clock: EngineClock, cors: CORSPolicy = .disabled, priceBooks: PriceBookReader) {
        self.ledger = ledger
        self.verifier = verifier
        self.clock = clock
        self.cors = cors
        self.priceBooks = priceBooks
    }

    public func router() -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        cors.install(on: router)
        router.add(middleware: ErrorJSONMiddleware())
        router.add(middleware: NoRouteMiddleware(verifier: verifier))
        HealthRoute.register(on: router)
        let v1 = router.group("/api/v1").add(middleware: AuthMiddleware(verifier: verifier))
        InventoryRoutes(ledger: ledger).register(on: v1)
        BillingRoutes(ledger: ledger).register(on: v1)
        DriftRoutes(ledger: ledger, clock: clock).register(on: v1)
        UpcomingInvoiceRoutes(ledger: ledger, clock: clock).register(on: v1)
        InvoiceRoutes(ledger: ledger).register(on: v1)
        MarginRoutes(ledger: ledger).register(on: v1)
        JobRoutes(ledger: ledger).register(on: v1)
        TenancyRoutes(ledger: ledger, clock: clock).register(on: v1)
        PriceBookRoutes(ledger: ledger, reader: priceBooks).register(on: v1)
        ProvisioningRoutes(ledger: ledger, clock: clock).register(on: v1)
        InvoiceActionRoutes(ledger: ledger, clock: clock).register(on: v1)
        return router
    }

    /// The Hummingbird application on `host:port` (0: any free port; `onListening` gets the one bound).
    /// A connection that sends nothing for this long is closed, so half-sent requests cannot hold
    /// the server's connections forever.
    public static let readTimeout: TimeAmount = .seconds(15)

    public func application(host: String, port: Int, logger: Logger, readTimeout: TimeAmount = ArcadiaService.readTimeout,
                            onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(responder: HeadResponder(base: router().buildResponder()), server: .http1(configuration: .init(idleTimeout: readTimeout)),
                    configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
                    onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) }, logger: logger)
    }

    /// How long a graceful shutdown may wait for a job run in flight before cancelling it (its
    /// transaction then rolls back).
    public static let shutdownGrace: Duration = .seconds(60)

    /// Serves until the task is cancelled or, with `stopOnSignals`, until SIGINT or SIGTERM; with a
    /// `scheduler`, runs it beside the API in the same service group, so both start and stop together.
    /// An address it cannot listen on is a `ListenError`.
    public func run(host: String, port: Int, logger: Logger, stopOnSignals: Bool = false, scheduler: JobScheduler? = nil,
                    onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = application(host: host, port: port, logger: logger, onListening: onListening)
        var services = [ServiceGroupConfiguration.ServiceConfiguration(service: app)]
        if let scheduler {
            services.append(.init(service: SchedulerService(scheduler: scheduler),
                                  successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup))
        }
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [],
                                                      logger: logger)
        configuration.maximumGracefulShutdownDuration = Self.shutdownGrace
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch {
            throw ListenError(error, host: host, port: port) ?? error
        }
    }

    /// Listens on `host:port` and lets go at once: for a caller that must not create anything (a
    /// new ledger) before it knows it can serve. A `ListenError` when it cannot; an address taken
    /// in between still fails `run` with one.
    public static func checkCanListen(host: String, port: Int) async throws {
        let (listening, continuation) = AsyncStream<Void>.makeStream()
        let probe = Application(router: Router(), configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
                                onServerRunning: { _ in continuation.yield() },
                                logger: Logger(label: "arcadia.serve.probe", factory: { _ in SwiftLogNoOpLogHandler() }))
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    defer { continuation.finish() }
                    try await probe.run()
                }
                var iterator = listening.makeAsyncIterator()
                if await iterator.next() == nil { try await group.waitForAll() }
                group.cancelAll()
            }
        } catch {
            throw ListenError(error, host: host, port: port) ?? error
        }
    }
}
