import DigitalOcean
import Foundation
import GRDB

/// `usage_records`: written once per (deployment, resource, period, granularity), summed exactly.
public enum UsageRecordStore {
    /// One record; an existing one for the same key is left as it is (re-metering changes nothing).
    /// Returns whether it was written.
    static func insert(_ db: Database, deploymentID: Int64, resourceID: Int64, kind: BillingKind, start: Timestamp, end: Timestamp,
                       granularity: MeteringGranularity, quantity: UsageQuantity, at now: Timestamp) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT INTO usage_records (deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (deployment_id, resource_id, period_start, granularity) DO NOTHING
            """).execute(arguments: [deploymentID, resourceID, kind.rawValue, start.iso8601, end.iso8601, granularity.rawValue,
                                     quantity.canonical, now.iso8601])
        return db.changesCount == 1
    }

    /// Whether the resource's usage in `[start, end)` is already recorded at another granularity
    /// (its kind's granularity was changed since): metering it again would count it twice.
    static func isRecorded(_ db: Database, deploymentID: Int64, resourceID: Int64, from start: Timestamp, to end: Timestamp,
                           otherThan granularity: MeteringGranularity) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM usage_records WHERE deployment_id = ? AND resource_id = ?
                           AND period_start >= ? AND period_start < ? AND granularity <> ?)
            """), arguments: [deploymentID, resourceID, start.iso8601, end.iso8601, granularity.rawValue]) ?? false
    }

    /// Deletes the records of kinds with a retention period whose period ended that many days
    /// before `now` or earlier. Returns how many went.
    static func prune(_ db: Database, policies: [BillingKind: MeteringPolicy], at now: Timestamp) throws -> Int {
        var pruned = 0
        for (kind, policy) in policies.sorted(by: { $0.key < $1.key }) {
            guard let days = policy.retentionDays else { continue }
            try db.execute(sql: "DELETE FROM usage_records WHERE billing_kind = ? AND period_end <= ?",
                           arguments: [kind.rawValue, (now - Int64(days) * 86_400).iso8601])
            pruned += db.changesCount
        }
        return pruned
    }

    /// `usage_for_period`: the deployment's recorded usage per billing kind, summing every record
    /// whose period starts in `[from, to)` (records never straddle a month, so month bounds take
    /// whole records). Exact: each quantity is read as a `Decimal` from its text and added as one.
    /// A kind with no record is absent, not zero.
    public static func usage(_ db: Database, deploymentID: Int64, from: Timestamp, to: Timestamp) throws -> [BillingKind: Decimal] {
        var totals: [BillingKind: Decimal] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, billing_kind, quantity FROM usage_records WHERE deployment_id = ? AND period_start >= ? AND period_start < ?
            """, arguments: [deploymentID, from.iso8601, to.iso8601])
        while let row = try rows.next() {
            let text: String = try row.decode(forColumn: "quantity")
            guard let quantity = UsageQuantity(text) else { throw MeteringError.badQuantity(recordID: try row.decode(forColumn: "id"), text: text) }
            totals[try row.decode(BillingKind.self, forColumn: "billing_kind"), default: 0] += quantity.decimal
        }
        return totals
    }
}
