import MoneyAndTime

/// An outage aimed at the night of the 1st: a listing (or the balance) failing from late on a
/// month's last day into the 1st, past the metering of the last day (01:10), and for some past
/// the rollup (03:00) and the issue (03:30). Metering then defers the last day, and the issue
/// must hold the month's drafts until it is metered, then rebuild them (`docs/revenue.md`).
/// Random outages almost never land there, which is why this one is aimed.
enum MonthBoundaryOutage {
    /// A path and the cadences (`JobTable.production`) of the jobs that request it: the droplet
    /// listing is also what the backups sync (hourly at :41) walks.
    private struct Target {
        var path: String
        var cadences: [(interval: Int64, minute: Int64)]
    }

    private static let quarterHourly: [(interval: Int64, minute: Int64)] = [(900, 0)]
    private static let targets = [
        Target(path: "/v2/droplets", cadences: quarterHourly + [(3_600, 41)]),
        Target(path: "/v2/droplets", cadences: quarterHourly + [(3_600, 41)]),
        Target(path: "/v2/projects", cadences: quarterHourly),
        Target(path: "/v2/domains", cadences: quarterHourly),
        Target(path: "/v2/snapshots", cadences: [(3_600, 33)]),
        Target(path: "/v2/customers/my/balance", cadences: [(3_600, 7)]),
    ]

    /// Until when after the 1st's midnight: past the metering, the rollup, the issue, or well past.
    private static let lengths: [Int64] = [4_500, 11_100, 12_900, 18_000]

    /// Requests a failing run sends (`RetryPolicy.godo`: the first and four retries).
    static let sendsPerRun = 5

    /// The fault, armed a minute after one of the last eight quarter hours of the month, failing
    /// every request the target's job sends until the drawn instant on the 1st.
    static func draw(monthEnd: Timestamp, _ random: inout SplitMix64) -> TimelineEvent {
        let target = random.pick(targets)
        let armed = monthEnd - Int64(1 + random.below(8)) * 900 + 60
        let until = monthEnd + random.pick(lengths)
        let runs = target.cadences.map { Self.runs(every: $0.interval, atMinute: $0.minute, after: armed, through: until) }.reduce(0, +)
        return TimelineEvent(at: armed, action: .fault(FaultSpec(path: target.path, status: random.pick([500, 502, 503]), times: runs * sendsPerRun)))
    }

    /// How many times a job run every `interval` seconds at `minute` past the hour fires in `(after, through]`.
    /// (Instants after 1970, so plain division floors.)
    static func runs(every interval: Int64, atMinute minute: Int64, after: Timestamp, through: Timestamp) -> Int {
        Int((through.seconds - minute * 60) / interval - (after.seconds - minute * 60) / interval)
    }
}
