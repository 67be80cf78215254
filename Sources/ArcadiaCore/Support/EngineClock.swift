import DigitalOcean
import MoneyAndTime

/// Where engines get the time. The CLI passes the wall clock; the workbench passes its virtual
/// clock. Engines never read time any other way, which is what makes runs reproducible.
public struct EngineClock: Sendable {
    public var now: @Sendable () -> Timestamp
    public init(now: @escaping @Sendable () -> Timestamp) { self.now = now }

    /// A clock stopped at one instant (tests).
    public static func fixed(_ time: Timestamp) -> EngineClock { EngineClock { time } }
}
