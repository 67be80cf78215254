import ArcadiaCore

/// Counts from one scenario run, for the console summary and the benchmark.
public struct RunSummary: Sendable, Equatable {
    public var timelineEvents = 0
    /// Worker runs that went to the fake provider.
    public var jobRuns = 0
    /// Worker runs skipped because nothing they read had changed and the ledger was at a fixed point.
    public var jobRunsElided = 0
    /// Every job failure the ledger's failure table (`cloud_sync_failures`) holds at the end of the
    /// run, as `job: error`, in order: the count comes from the ledger, not from the reports.
    public var syncFailures: [String] = []
    public var resourcesCreated = 0
    public var resourcesChanged = 0
    public var resourcesStale = 0
    public var eventsWritten = 0
    public var virtualSeconds: Int64 = 0
    public var requestsServed = 0
    /// Requests the retrying transport sent again, and the seconds it would have waited.
    public var retries = 0
    public var retryWaitSeconds: Int64 = 0
    /// `drift.sweep` runs (they read the ledger, not the fake), and those skipped as unobservable.
    public var driftSweeps = 0
    public var driftSweepsElided = 0
    /// Drift findings per status at the end of the run.
    public var drift = DriftCounts()
    /// `revenue.metering` runs (they read the ledger, not the fake) and the usage records they wrote.
    public var meteringRuns = 0
    public var usageRecordsWritten = 0
    /// Tenant invoices built, issued, and what the rollups reported.
    public var revenue = RevenueCounts()
    /// Project-resource URN types the URN table does not know, sorted; their resources are kept
    /// under the type as written.
    public var unknownURNTypes: [String] = []

    public init() {}

    /// Invoices ingested (or re-ingested) and their line counts.
    public var invoicesIngested = 0
    public var costLinesUnmatched = 0

    mutating func record(_ outcome: JobOutcome) {
        switch outcome {
        case .sync(let report):
            jobRuns += 1
            resourcesCreated += report.outcome.created
            resourcesChanged += report.outcome.changed
            resourcesStale += report.outcome.markedStale
            eventsWritten += report.outcome.eventsWritten + report.attribution.attributed
            if !Set(report.attribution.unknownTypes).isSubset(of: unknownURNTypes) {
                unknownURNTypes = Set(unknownURNTypes).union(report.attribution.unknownTypes).sorted()
            }
        case .invoices(let report):
            jobRuns += 1
            invoicesIngested += report.ingested.count
            costLinesUnmatched += report.ingested.reduce(0) { $0 + $1.unmatched.count }
        case .balance:
            jobRuns += 1
        case .drift:
            driftSweeps += 1
        case .metering(let report):
            meteringRuns += 1
            usageRecordsWritten += report.written
        case .rollup(let report):
            revenue.record(report)
        case .issue(let report):
            revenue.record(report)
        }
    }

    mutating func recordElided(_ job: JobID) {
        if job == .driftSweep {
            driftSweepsElided += 1
        } else {
            jobRunsElided += 1
        }
    }

}
