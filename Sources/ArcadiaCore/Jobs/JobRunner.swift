import DigitalOcean

/// Runs the worker behind each job of the job table: the one dispatch the service's scheduler and
/// the workbench's virtual clock share.
public struct JobRunner: Sendable {
    public var inventory: InventorySync
    public var costs: CostIngestion
    public var drift: DriftEngine
    public var metering: MeteringEngine
    public var revenue: TenantInvoicing
    /// The drift ignore rules in force (the operator's configuration).
    public var ignoreRules: [IgnoreRule]

    public init(inventory: InventorySync, costs: CostIngestion, drift: DriftEngine, metering: MeteringEngine, revenue: TenantInvoicing,
                ignoreRules: [IgnoreRule] = []) {
        self.inventory = inventory
        self.costs = costs
        self.drift = drift
        self.metering = metering
        self.revenue = revenue
        self.ignoreRules = ignoreRules
    }

    /// Every engine over one client, ledger and clock; invoices price the usage metering recorded.
    public init(client: DigitalOceanClient, ledger: Ledger, clock: EngineClock, ignoreRules: [IgnoreRule] = []) {
        inventory = InventorySync(client: client, ledger: ledger, clock: clock)
        costs = CostIngestion(ledger: ledger, clock: clock, source: DigitalOceanInvoiceSource(client: client))
        drift = DriftEngine(ledger: ledger, clock: clock)
        metering = MeteringEngine(ledger: ledger, clock: clock)
        revenue = TenantInvoicing(ledger: ledger, clock: clock, usage: .metered(by: metering))
        self.ignoreRules = ignoreRules
    }

    public func run(_ job: JobID) async throws -> JobOutcome {
        switch job {
        case .syncDroplets: return try await synced(try await inventory.syncDroplets())
        case .syncVolumes: return try await synced(try await inventory.syncVolumes())
        case .syncReservedIPs: return try await synced(try await inventory.syncReservedIPs())
        case .syncFirewalls: return try await synced(try await inventory.syncFirewalls())
        case .syncLoadBalancers: return try await synced(try await inventory.syncLoadBalancers())
        case .syncDomains: return try await synced(try await inventory.syncDomains())
        case .syncSnapshots: return try await synced(try await inventory.syncSnapshots())
        case .syncBackups: return try await synced(try await inventory.syncBackups())
        case .syncProjects: return try await synced(try await inventory.syncProjects())
        case .costBalance:
            do {
                return .balance(.success(try await costs.snapshotBalance()))
            } catch {
                return .balance(.failure(error))
            }
        case .costInvoices:
            return .invoices(await costs.ingestNewInvoices())
        case .driftSweep:
            return .drift(try drift.sweep(rules: ignoreRules))
        case .revenueMetering:
            return .metering(try metering.runDaily())
        case .revenueRollup:
            return .rollup(try revenue.rollupPreviousMonth())
        case .revenueIssue:
            return .issue(try revenue.issueDrafts())
        }
    }

    /// One sweep of every inventory worker of `table`, in table order (`arcadia sync`).
    public func sweepInventory(table: [ScheduledJob] = JobTable.production) async throws -> [SyncReport] {
        var reports: [SyncReport] = []
        for scheduled in table where scheduled.job.isInventorySync {
            if case .sync(let report) = try await run(scheduled.job) { reports.append(report) }
        }
        return reports
    }

    /// A spec provisioning asked for before its resource was inventoried is recorded by the sync
    /// run that first lists the resource, at that run's time.
    private func synced(_ report: SyncReport) async throws -> JobOutcome {
        if report.outcome.created > 0 { try drift.recordPendingSpecs() }
        return .sync(report)
    }

    /// What the job's next run would read, for `SettledRuns`; nil for a job that reads the clock
    /// (the balance, metering, the rollup and issuing move with time alone) or the provider when
    /// `provider` is unknown (a live API has no revision to compare).
    public func inputs(of job: JobID, provider: ProviderVersion?) -> JobInputs? {
        switch job {
        case .syncDroplets, .syncVolumes, .syncReservedIPs, .syncFirewalls, .syncLoadBalancers, .syncDomains, .syncSnapshots,
             .syncBackups, .syncProjects, .costInvoices:
            return provider.map(JobInputs.provider)
        case .driftSweep:
            return .ledger(drift.sweepInputs(rules: ignoreRules))
        case .costBalance, .revenueMetering, .revenueRollup, .revenueIssue:
            return nil
        }
    }
}

/// What one job run did.
public enum JobOutcome: Sendable {
    case sync(SyncReport)
    case balance(Result<BalanceSnapshot, CostIngestionError>)
    case invoices(IngestionReport)
    case drift(DriftSweepReport)
    case metering(MeteringReport)
    case rollup(RollupReport)
    case issue(IssueReport)

    /// True when running the job again on unchanged inputs (`JobRunner.inputs(of:provider:)`)
    /// would write nothing. A balance snapshot never is: DO's month-to-date figures move with time
    /// alone; nor are metering and the revenue jobs, which read the clock. A drift sweep always is:
    /// on the ledger it left it finds what it recorded.
    public var isSettled: Bool {
        switch self {
        case .sync(let report): return report.isSettled
        case .drift: return true
        case .balance, .metering, .rollup, .issue: return false
        case .invoices(let report): return report.listingError == nil && report.failures.isEmpty
        }
    }

    /// Failures worth reporting, each naming what failed.
    public var failures: [String] {
        switch self {
        case .sync(let report): return report.failures
        case .balance(.success), .drift, .metering, .issue: return []
        case .rollup(let report):
            return (report.failure.map { ["revenue.rollup \(report.period): \($0)"] } ?? [])
                + report.tenants.compactMap { tenant in
                    if case .failed(let reason) = tenant.outcome { return "revenue.rollup \(report.period) \(tenant.tenant): \(reason)" }
                    return nil
                }
        case .balance(.failure(let error)): return ["cost.balance: \(error)"]
        case .invoices(let report):
            return (report.listingError.map { ["cost.invoices: \($0)"] } ?? []) + report.failures.map { "cost.invoices: \($0.error)" }
        }
    }
}
