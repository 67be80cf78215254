import DigitalOcean
import MoneyAndTime

/// The whole days of a period a subscription is billed for, `[from, to)` at midnights UTC.
///
/// A subscription is billed from the day it starts through the day before it ends: a day
/// belongs to the subscription active at its end. So when a plan changes at 12:00 on the 10th,
/// the old subscription is billed to the 9th and the new one from the 10th — the days of one
/// deployment's consecutive subscriptions never overlap and never leave a gap, and the usage of
/// each day is asked for (and charged) once. A subscription that starts and ends on the same
/// day is billed for no day.
public struct BillingWindow: Sendable, Equatable {
    public var from: Timestamp
    public var to: Timestamp

    /// Nil when the subscription covers no whole billing day of `period`.
    public init?(startedAt: Timestamp, endedAt: Timestamp?, in period: BillingPeriod) {
        let from = max(period.start, startedAt.startOfDay)
        let to = min(period.end, endedAt?.startOfDay ?? period.end)
        guard to > from else { return nil }
        self.from = from
        self.to = to
    }

    public init(from: Timestamp, to: Timestamp) {
        self.from = from
        self.to = to
    }

    public var days: Int { Int((to - from) / 86_400) }

    public func overlaps(_ other: BillingWindow) -> Bool { from < other.to && other.from < to }
}
