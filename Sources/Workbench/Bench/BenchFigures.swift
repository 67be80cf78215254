import ArcadiaCore
import Foundation

/// One bench run's figures, as the bench prints them and as `--json` hands them to a script that
/// tracks them over commits (keys in snake case, sorted, so two runs diff line by line).
public struct BenchFigures: Sendable, Encodable {
    public struct Fleet: Sendable, Encodable {
        public var droplets: Int
        public var days: Int
        public var churn: Int
        public var seed: UInt64
        public var elided: Bool
        public var deployments: Int
        /// Metering granularity of the revenue side (nil: no deployments).
        public var granularity: String?
        /// Starting droplets with backups on.
        public var backups: Int

        public init(droplets: Int, days: Int, churn: Int, seed: UInt64, elided: Bool, deployments: Int = 0, granularity: String? = nil,
                    backups: Int = 0) {
            self.droplets = droplets
            self.days = days
            self.churn = churn
            self.seed = seed
            self.elided = elided
            self.deployments = deployments
            self.granularity = granularity
            self.backups = backups
        }
    }

    public var fleet: Fleet
    public var wallSeconds: Double
    /// User CPU time of the process up to the end of the run (before the floor is measured).
    public var userSeconds: Double
    /// The process's peak resident set up to the end of the run (before the floor is measured).
    public var peakRSSBytes: Int
    /// Seconds in each job's runs, by job name.
    public var jobSeconds: [String: Double]
    /// Runs of each job that were not elided, by job name.
    public var jobRunCounts: [String: Int]
    /// Rows per ledger table at the end of the run.
    public var rows: [String: Int]
    public var floorSeconds: Double
    /// Wall time over the SQLite floor: how far above plain SQLite writes the run is.
    public var floorRatio: Double
    /// The metering and rollup jobs' own seconds, and the floor of the rows they write (usage
    /// records, deferred days, tenant invoices and their lines): the metering target is
    /// their ratio.
    public var revenueSeconds: Double
    public var revenueFloorSeconds: Double
    public var revenueFloorRatio: Double
    public var timelineEvents: Int
    public var jobRuns: Int
    public var jobRunsElided: Int
    public var requestsServed: Int

    public init(fleet: Fleet, wallSeconds: Double, userSeconds: Double, peakRSSBytes: Int, result: Simulator.Result, floor: SQLiteFloor) {
        self.fleet = fleet
        self.wallSeconds = wallSeconds
        self.userSeconds = userSeconds
        self.peakRSSBytes = peakRSSBytes
        jobSeconds = Dictionary(uniqueKeysWithValues: result.jobSeconds.map { ($0.key.rawValue, $0.value) })
        jobRunCounts = Dictionary(uniqueKeysWithValues: result.jobRunCounts.map { ($0.key.rawValue, $0.value) })
        rows = Dictionary(uniqueKeysWithValues: floor.tables.map { ($0.name, $0.rows) })
        floorSeconds = floor.seconds
        floorRatio = floor.seconds > 0 ? wallSeconds / floor.seconds : 0
        revenueSeconds = BenchFigures.revenueJobs.map { result.jobSeconds[$0] ?? 0 }.reduce(0, +)
        revenueFloorSeconds = floor.tables.filter { BenchFigures.revenueTables.contains($0.name) }.map(\.seconds).reduce(0, +)
        revenueFloorRatio = revenueFloorSeconds > 0 ? revenueSeconds / revenueFloorSeconds : 0
        timelineEvents = result.summary.timelineEvents
        jobRuns = result.summary.jobRuns
        jobRunsElided = result.summary.jobRunsElided
        requestsServed = result.summary.requestsServed
    }

    static let revenueJobs: [JobID] = [.revenueMetering, .revenueRollup]
    static let revenueTables: Set<String> = ["usage_records", "metering_deferred_days", "tenant_invoices", "tenant_invoice_lines"]

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
