import MoneyAndTime

/// An outage aimed at the night of the 1st: a listing (or the balance) failing from late on a
/// month's last day into the 1st, past the metering of the last day (01:10), and for some past
/// the rollup (03:00) and the issue (03:30). Metering then defers the last day, and the issue
/// must hold the month's drafts until it is metered, then rebuild them (`docs/revenue.md`).
/// Random outages almost never land there, which is why this one is aimed.
enum MonthBoundaryOutage {
    /// A path and the cadence of the job that requests it (`JobTable.production`).
    private struct Target {
        var path: String
        var interval: Int64
        var minute: Int64
    }

    private static let targets = [
        Target(path: "/v2/droplets", interval: 900, minute: 0),
        Target(path: "/v2/droplets", interval: 900, minute: 0),
        Target(path: "/v2/projects", interval: 900, minute: 0),
        Target(path: "/v2/domains", interval: 900, minute: 0),
        Target(path: "/v2/snapshots", interval: 3_600, minute: 33),
        Target(path: "/v2/customers/my/balance", interval: 3_600, minute: 7),
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
        let runs = runs(every: target.interval, atMinute: target.minute, after: armed, through: until)
        return TimelineEvent(at: armed, action: .fault(FaultSpec(path: target.path, status: random.pick([500, 502, 503]), times: runs * sendsPerRun)))
    }

    /// How many times a job run every `interval` seconds at `minute` past the hour fires in `(after, through]`.
    /// (Instants after 1970, so plain division floors.)
    static func runs(every interval: Int64, atMinute minute: Int64, after: Timestamp, through: Timestamp) -> Int {
        Int((through.seconds - minute * 60) / interval - (after.seconds - minute * 60) / interval)
    }
}
