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
        try await scheduler.run()
    }
}
