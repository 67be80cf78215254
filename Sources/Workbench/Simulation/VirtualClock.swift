import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import Synchronization

/// The simulator's clock: it only moves when the event loop moves it, so engines reading it see
/// exactly the virtual instant of the event being processed.
public final class VirtualClock: Sendable {
    private let current: Mutex<Timestamp>

    public init(start: Timestamp) { current = Mutex(start) }

    public var now: Timestamp { current.withLock { $0 } }

    func set(_ time: Timestamp) { current.withLock { $0 = time } }

    /// The clock as the engines take it.
    public var engineClock: EngineClock { EngineClock { [self] in now } }
}
