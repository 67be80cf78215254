import DigitalOcean
import MoneyAndTime

/// Why metering refused a request or could not read the ledger.
public enum MeteringError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A day is named by its midnight (UTC).
    case notADay(Timestamp)
    /// Only a day that has ended can be metered: its last sync observations are in.
    case dayNotOver(day: Timestamp, now: Timestamp)
    case unknownDeployment(String)

    public var description: String {
        switch self {
        case .notADay(let time): "\(time) is not the start of a day (00:00:00Z)"
        case .dayNotOver(let day, let now): "\(day.isoDate) is not over at \(now); a day is metered once it has ended"
        case .unknownDeployment(let code): "no deployment has code '\(code)'"
        }
    }
}
