import DigitalOcean
import FakeDigitalOcean
import Synchronization

/// The simulator's retry sleeper: it records each wait the retrying transport asks for, tells the
/// fake's rate limits that the time has passed, and returns at once. Virtual time does not move
/// during a wait — a worker's run is one instant of the event queue, which must never go
/// backwards — so a retry sees the world as it was, but DO's burst limit sees the minute the
/// client waited out (`FakeDigitalOcean.clientWaited`). The waits are reported in the run summary.
final class RetryWaits: Sendable {
    private let fake: FakeDigitalOcean
    private let waits = Mutex<(count: Int, total: Duration)>((0, .zero))

    init(fake: FakeDigitalOcean) {
        self.fake = fake
    }

    var sleeper: Sleeper {
        Sleeper { [self] duration in
            waits.withLock { $0 = ($0.count + 1, $0.total + duration) }
            fake.clientWaited(duration)
        }
    }

    var count: Int { waits.withLock { $0.count } }

    /// Whole seconds waited, for the summary.
    var totalSeconds: Int64 { waits.withLock { $0.total.components.seconds } }
}
