import DigitalOcean

/// Runs the worker behind each job of the job table: the one dispatch the service's scheduler and
/// the workbench's virtual clock share.
public struct JobRunner: Sendable {
    public var inventory: InventorySync
    public var costs: CostIngestion
    public var drift: DriftEngine
    /// The drift ignore rules in force (the operator's configuration).
    public var ignoreRules: [IgnoreRule]

    public init(inventory: InventorySync, costs: CostIngestion, drift: DriftEngine, ignoreRules: [IgnoreRule] = []) {
        self.inventory = inventory
        self.costs = costs
        self.drift = drift
        self.ignoreRules = ignoreRules
    }

    /// Every engine over one client, ledger and clock.
    public init(client: DigitalOceanClient, ledger: Ledger, clock: EngineClock, ignoreRules: [IgnoreRule] = []) {
        inventory = InventorySync(client: client, ledger: ledger, clock: clock)
        costs = CostIngestion(ledger: ledger, clock: clock, source: DigitalOceanInvoiceSource(client: client))
        drift = DriftEngine(ledger: ledger, clock: clock)
        self.ignoreRules = ignoreRules
    }

    public func run(_ job: JobID) async throws -> JobOutcome {
        switch job {
        case .syncDroplets: return .sync(try await inventory.syncDroplets())
        case .syncVolumes: return .sync(try await inventory.syncVolumes())
        case .syncReservedIPs: return .sync(try await inventory.syncReservedIPs())
        case .syncFirewalls: return .sync(try await inventory.syncFirewalls())
        case .syncLoadBalancers: return .sync(try await inventory.syncLoadBalancers())
        case .syncDomains: return .sync(try await inventory.syncDomains())
        case .syncProjects: return .sync(try await inventory.syncProjects())
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
        }
    }
}

/// What one job run did.
public enum JobOutcome: Sendable {
    case sync(SyncReport)
    case balance(Result<BalanceSnapshot, CostIngestionError>)
    case invoices(IngestionReport)
    case drift(DriftSweepReport)

    /// True when running the job again against an unchanged provider would write nothing. A
    /// balance snapshot never is: DO's month-to-date figures move with time alone. A drift sweep
    /// reads the ledger, not the provider, so the provider's state says nothing about it.
    public var isSettled: Bool {
        switch self {
        case .sync(let report): return report.isSettled
        case .balance, .drift: return false
        case .invoices(let report): return report.listingError == nil && report.failures.isEmpty
        }
    }

    /// Failures worth reporting, each naming what failed.
    public var failures: [String] {
        switch self {
        case .sync(let report): return report.failures
        case .balance(.success), .drift: return []
        case .balance(.failure(let error)): return ["cost.balance: \(error)"]
        case .invoices(let report):
            return (report.listingError.map { ["cost.invoices: \($0)"] } ?? []) + report.failures.map { "cost.invoices: \($0.error)" }
        }
    }
}
