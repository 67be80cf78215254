import DigitalOcean
import MoneyAndTime

/// A droplet's backup schedule, DO's basic plans (`GET /v2/droplets/{id}/backups/policy`): a
/// 4-hour window starting at `hour` (0, 4, … 20) every day, or on `weekday` each week. The
/// backup of a window runs `offset` seconds into it, the same for every window of one droplet.
public struct BackupPolicy: Sendable, Equatable {
    public enum Plan: String, Sendable, CaseIterable {
        case weekly
        case daily

        /// DO keeps weekly backups four weeks and daily backups seven days.
        var retentionSeconds: Int64 { self == .weekly ? 28 * 86_400 : 7 * 86_400 }
        var periodSeconds: Int64 { self == .weekly ? 7 * 86_400 : 86_400 }
        /// The invoice line's description suffix, `web-1 (Weekly Backup Services)`.
        var serviceName: String { self == .weekly ? "Weekly Backup Services" : "Daily Backup Services" }
        /// Share of the droplet's charge, in percent.
        var percentOfDroplet: Int { self == .weekly ? 20 : 30 }
    }

    /// DO's `weekday` values; index 0 is Sunday.
    public static let weekdays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
    /// DO's `hour` values: where a 4-hour window may start.
    public static let hours = [0, 4, 8, 12, 16, 20]
    public static let windowSeconds: Int64 = 4 * 3_600

    public var plan: Plan
    /// Index into `weekdays`; ignored by the daily plan.
    public var weekday: Int
    public var hour: Int
    /// Seconds into the window at which the backup is taken, `0 ..< windowSeconds`.
    var offset: Int64
    /// Every backup's size in hundredths of a GB when a scenario states it; nil: derived (`ImageSizes`).
    var sizeCentiGB: Int?

    public init(plan: Plan, weekday: Int, hour: Int) {
        precondition(Self.weekdays.indices.contains(weekday) && Self.hours.contains(hour), "not a DO backup window")
        self.plan = plan
        self.weekday = weekday
        self.hour = hour
        offset = 0
    }

    /// The first window of this policy whose backup runs strictly after `time`, as `[start, end)`.
    func nextWindow(backupAfter time: Timestamp) -> Range<Timestamp> {
        let phase: Int64 = switch plan {
        // 1970-01-01 was a Thursday (index 4), so Sunday 00:00 falls 3 days into epoch week 0.
        case .weekly: (Int64(weekday) + 3) % 7 * 86_400 + Int64(hour) * 3_600
        case .daily: Int64(hour) * 3_600
        }
        let period = plan.periodSeconds
        let shifted = time.seconds - phase - offset
        let periods = shifted >= 0 ? shifted / period : (shifted - period + 1) / period
        let start = Timestamp(seconds: (periods + 1) * period + phase)
        return start..<(start + Self.windowSeconds)
    }

    /// When the first backup after `time` is taken.
    func nextBackup(after time: Timestamp) -> Timestamp {
        nextWindow(backupAfter: time).lowerBound + offset
    }
}
