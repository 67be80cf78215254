import ArcadiaCore
import ArgumentParser
import DigitalOcean
import Foundation
import MoneyAndTime

/// The time a long-running command lives in: the wall clock, or (`--start`, `--speed`) a clock
/// that starts at `start` and runs `speed` times faster than the wall clock, for demos and for
/// pointing a scheduler at a moving fake. Its sleeper waits clock time, i.e. 1/speed of it for real.
struct RunningClock: Sendable {
    var start: Timestamp
    var speed: Int
    /// The wall-clock instant `start` corresponds to.
    var origin: Date

    init(start: Timestamp? = nil, speed: Int = 1, origin: Date = Date()) {
        self.start = start ?? Timestamp(seconds: Int64(origin.timeIntervalSince1970))
        self.speed = speed
        self.origin = origin
    }

    func now(at wall: Date = Date()) -> Timestamp {
        start + Int64((wall.timeIntervalSince(origin) * Double(speed)).rounded(.down))
    }

    var engineClock: EngineClock { EngineClock { [self] in now() } }

    var sleeper: Sleeper {
        let speed = speed
        return Sleeper { duration in try await Task.sleep(for: duration / speed) }
    }

    /// `--start` and `--speed` as given on the command line; errors name the option.
    static func parse(start: String?, speed: Int?, origin: Date = Date()) throws -> RunningClock {
        var time: Timestamp?
        if let start {
            guard let parsed = Timestamp(iso8601: start) else {
                throw ValidationError("--start \(start) is not an ISO 8601 UTC time like 2026-04-01T00:00:00Z")
            }
            time = parsed
        }
        let speed = speed ?? 1
        guard (1...1_000_000).contains(speed) else { throw ValidationError("--speed must be a whole number from 1 to 1000000, got \(speed)") }
        return RunningClock(start: time, speed: speed, origin: origin)
    }
}
