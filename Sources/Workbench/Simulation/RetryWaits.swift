import DigitalOcean
import Synchronization

/// The simulator's retry sleeper: it records each wait the retrying transport asks for and
/// returns at once. Virtual time does not move during a wait — a worker's run is one instant of
/// the event queue, which must never go backwards — so a retry sees the world as it was; the
/// waits are reported in the run summary instead.
final class RetryWaits: Sendable {
    private let waits = Mutex<(count: Int, total: Duration)>((0, .zero))

    var sleeper: Sleeper {
        Sleeper { [self] duration in waits.withLock { $0 = ($0.count + 1, $0.total + duration) } }
    }

    var count: Int { waits.withLock { $0.count } }

    /// Whole seconds waited, for the summary.
    var totalSeconds: Int64 { waits.withLock { $0.total.components.seconds } }
}
