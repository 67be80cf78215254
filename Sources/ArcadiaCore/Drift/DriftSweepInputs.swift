import DigitalOcean
import GRDB
import MoneyAndTime

/// Everything a drift sweep's result depends on: the ledger tables it reads and how many ignore
/// rules have expired. Not the whole ledger's change count: the hourly balance snapshot changes the
/// ledger every hour without touching anything a sweep reads. Every change to a resource's
/// observed state logs an event; every recorded spec bumps a version; drift rows are only ever
/// added or closed — so these counters move exactly when the sweep's input does.
public struct DriftSweepInputs: Sendable, Equatable {
    var lastEventID: Int64
    var specs: Int
    var specVersions: Int
    var drifts: Int
    var closedDrifts: Int
    var expiredRules: Int

    static func read(_ db: Database, rules: [IgnoreRule], at time: Timestamp) throws -> DriftSweepInputs {
        // Read before every hourly sweep, so compiled once per connection, and its one row read
        // in place from the cursor (`fetchOne` copied it first).
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT (SELECT COALESCE(MAX(id), 0) FROM cloud_resource_events) AS last_event_id,
                   (SELECT COUNT(*) FROM cloud_provisioned) AS specs,
                   (SELECT COALESCE(SUM(spec_version), 0) FROM cloud_provisioned) AS spec_versions,
                   (SELECT COUNT(*) FROM cloud_drift) AS drifts,
                   (SELECT COUNT(closed_at) FROM cloud_drift) AS closed_drifts
            """))
        guard let row = try rows.next() else { preconditionFailure("an aggregate query returns one row") }
        return DriftSweepInputs(lastEventID: row["last_event_id"], specs: row["specs"], specVersions: row["spec_versions"],
                                drifts: row["drifts"], closedDrifts: row["closed_drifts"],
                                expiredRules: rules.filter { $0.isExpired(at: time) }.count)
    }
}

extension DriftEngine {
    /// What the next sweep with `rules` would read, at the engine clock's now.
    public func sweepInputs(rules: [IgnoreRule]) throws -> DriftSweepInputs {
        let now = clock.now()
        // One statement, which SQLite reads from one snapshot: no transaction needed, and this runs
        // every virtual hour, where a BEGIN and COMMIT cost more than the query.
        return try ledger.writer.unsafeRead { try DriftSweepInputs.read($0, rules: rules, at: now) }
    }
}
