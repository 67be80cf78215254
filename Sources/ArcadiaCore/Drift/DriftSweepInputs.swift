import DigitalOcean
import GRDB
import MoneyAndTime

/// Everything a drift sweep's result depends on: the ledger tables it reads and how many ignore
/// rules have expired. Not the whole ledger's changes: the hourly balance snapshot changes the
/// ledger every hour without touching anything a sweep reads. Every change to a resource's
/// observed state logs an event; specs and drift rows are their own tables — so a commit that
/// touched none of these left the sweep's input as it was.
public struct DriftSweepInputs: Sendable, Equatable {
    var commits: Int
    var expiredRules: Int

    static let tables = ["cloud_resource_events", "cloud_provisioned", "cloud_drift"]
}

extension DriftEngine {
    /// What the next sweep with `rules` would read, at the engine clock's now.
    public func sweepInputs(rules: [IgnoreRule]) -> DriftSweepInputs {
        let now = clock.now()
        return DriftSweepInputs(commits: ledger.commits(changing: DriftSweepInputs.tables),
                                expiredRules: rules.filter { $0.isExpired(at: now) }.count)
    }
}
