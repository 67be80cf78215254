import DigitalOcean
import MoneyAndTime

/// When a production job fires, in UTC.
public enum JobSchedule: Sendable, Equatable {
    /// Every `minutes` minutes past midnight plus `offset` (e.g. every 15 at :00, :15, :30, :45).
    case every(minutes: Int, offset: Int)
    /// Once an hour at this minute.
    case hourly(minute: Int)
    /// Once a day at this time.
    case daily(hour: Int, minute: Int)
    /// Once a month on this day at this time.
    case monthly(day: Int, hour: Int, minute: Int)

    /// The first firing at or after `time`.
    public func firstFiring(atOrAfter time: Timestamp) -> Timestamp {
        nextFiring(after: time - 1)
    }

    /// The first firing strictly after `time`.
    public func nextFiring(after time: Timestamp) -> Timestamp {
        switch self {
        case .every(let minutes, let offset):
            return step(after: time, period: Int64(minutes) * 60, phase: Int64(offset) * 60)
        case .hourly(let minute):
            return step(after: time, period: 3_600, phase: Int64(minute) * 60)
        case .daily(let hour, let minute):
            return step(after: time, period: 86_400, phase: Int64(hour * 3_600 + minute * 60))
        case .monthly(let day, let hour, let minute):
            var month = time.startOfMonth
            while true {
                let c = month.civil
                let candidate = Timestamp(year: c.year, month: c.month, day: day, hour: hour, minute: minute)
                if candidate > time { return candidate }
                month = month.startOfNextMonth
            }
        }
    }

    private func step(after time: Timestamp, period: Int64, phase: Int64) -> Timestamp {
        let shifted = time.seconds - phase
        let periods = shifted >= 0 ? shifted / period : (shifted - period + 1) / period
        return Timestamp(seconds: (periods + 1) * period + phase)
    }
}
