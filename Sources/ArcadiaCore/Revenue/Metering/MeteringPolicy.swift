import MoneyAndTime

/// How often usage of a billing kind is recorded.
public enum MeteringGranularity: String, Sendable, CaseIterable {
    /// One record per resource per day (the default).
    case daily
    /// 24 records per resource per day; they sum exactly to what the daily record would be.
    case hourly

    /// The length of one period.
    var seconds: Int64 { self == .daily ? 86_400 : 3_600 }
}

/// One billing kind's `metering_config` row: its granularity and how long its records are kept.
public struct MeteringPolicy: Sendable, Equatable {
    public var granularity: MeteringGranularity
    /// Records whose period ended this many days ago or more are pruned; nil keeps them for ever.
    public var retentionDays: Int?

    public init(granularity: MeteringGranularity = .daily, retentionDays: Int? = nil) {
        self.granularity = granularity
        self.retentionDays = retentionDays
    }

    /// Records whose period ended at or before this instant are pruned at `now`; nil keeps them all,
    /// as does a retention reaching back past the clock's range (a scenario may write any count of days).
    public func retentionCutoff(at now: Timestamp) -> Timestamp? {
        guard let days = retentionDays else { return nil }
        let span = Int64(days).multipliedReportingOverflow(by: 86_400)
        let cutoff = now.seconds.subtractingReportingOverflow(span.partialValue)
        return span.overflow || cutoff.overflow ? nil : Timestamp(seconds: cutoff.partialValue)
    }

    /// What a billing kind without a `metering_config` row gets.
    public static let standard = MeteringPolicy()
}
