import MoneyAndTime

/// A droplet's next backup event on the world's schedule, in the order the schedule runs them:
/// by time, then by droplet id.
struct BackupDue: Comparable, Sendable {
    var at: Timestamp
    var dropletID: Int

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.at, lhs.dropletID) < (rhs.at, rhs.dropletID)
    }
}
