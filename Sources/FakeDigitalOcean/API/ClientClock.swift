import Foundation
import MoneyAndTime

/// The real clock a served fake's clients read `ratelimit-reset` and `retry-after` against.
///
/// The fake's limits run on its own time: the world's, or for a frozen fake its instant plus the real
/// time served. A client compares `ratelimit-reset` with its own wall clock and sleeps `retry-after`
/// real seconds, so a fake frozen in April (or moving 60 times faster) must tell both in real time,
/// or a client that honours the reset sleeps until April. In the simulator the client lives in the
/// fake's time, and there is no client clock.
public struct ClientClock: Sendable, Equatable {
    /// The fake's instant that was the real instant `origin`.
    public var start: Timestamp
    /// Seconds since 1970 on the real clock.
    public var origin: Double
    /// Fake seconds per real second.
    public var speed: Int

    public init(start: Timestamp, origin: Date, speed: Int = 1) {
        self.start = start
        self.origin = origin.timeIntervalSince1970
        self.speed = max(1, speed)
    }

    /// The real epoch second at which the fake's `time` arrives, rounded up: a client that waits
    /// until then finds the limit freed.
    func epochSeconds(of time: Int64) -> Int64 {
        Int64((origin + Double(time - start.seconds) / Double(speed)).rounded(.up))
    }

    /// `seconds` of the fake's time in real seconds, rounded up, and at least one.
    func seconds(_ seconds: Int) -> Int {
        max(1, (seconds + speed - 1) / speed)
    }
}
