import ArcadiaCore
import DigitalOcean
import ServiceLifecycle

/// The job scheduler as a service-lifecycle service, beside the HTTP API in one process. On
/// graceful shutdown (SIGTERM, SIGINT) a wait between runs ends at once and no new run starts, but
/// a run in flight finishes; if shutdown escalates to cancellation, the run's requests are
/// cancelled and its open transaction rolls back, so nothing is left half-written.
public struct SchedulerService: Service {
    public var scheduler: JobScheduler

    public init(scheduler: JobScheduler) { self.scheduler = scheduler }

    public func run() async throws {
        var scheduler = scheduler
        let sleeper = scheduler.sleeper
        let stopping = scheduler.isStopping
        scheduler.sleeper = Sleeper { duration in try await cancelWhenGracefulShutdown { try await sleeper.sleep(duration) } }
        scheduler.isStopping = { Task.isShuttingDownGracefully || stopping() }
        let logger = scheduler.logger
        // Said at once: with a run in flight the process may otherwise be silent for up to 60 s.
        try await withGracefulShutdownHandler {
            try await scheduler.run()
        } onGracefulShutdown: {
            logger.info("shutting down: no new run starts; a run in flight finishes, or is cancelled and rolled back after 60 s")
        }
    }
}
