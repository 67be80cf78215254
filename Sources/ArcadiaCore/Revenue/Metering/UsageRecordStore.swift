import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// `usage_records`: written once per (deployment, resource, period, granularity), summed exactly.
public enum UsageRecordStore {
    /// One record; an existing one for the same key is left as it is (re-metering changes nothing).
    /// Returns whether it was written. A cached statement: metering writes one per resource per period.
    static func insert(_ db: Database, _ record: UsageRecord) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT INTO usage_records (deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (deployment_id, resource_id, period_start, granularity) DO NOTHING
            """).execute(arguments: [record.deploymentID, record.resourceID, record.billingKind, record.periodStart, record.periodEnd,
                                     record.granularity, record.quantity, record.recordedAt])
        return db.changesCount == 1
    }

    /// Whether the resource's usage in `[start, end)` is already recorded at another granularity
    /// (its kind's granularity was changed since): metering it again would count it twice.
    static func isRecorded(_ db: Database, deploymentID: Int64, resourceID: Int64, from start: Timestamp, to end: Timestamp,
                           otherThan granularity: MeteringGranularity) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM usage_records WHERE deployment_id = ? AND resource_id = ?
                           AND period_start >= ? AND period_start < ? AND granularity <> ?)
            """), arguments: [deploymentID, resourceID, start, end, granularity]) ?? false
    }

    /// Deletes the records of kinds with a retention period whose period ended that many days
    /// before `now` or earlier. Returns how many went.
    static func prune(_ db: Database, policies: [BillingKind: MeteringPolicy], at now: Timestamp) throws -> Int {
        var pruned = 0
        for (kind, policy) in policies.sorted(by: { $0.key < $1.key }) {
            guard let days = policy.retentionDays else { continue }
            try db.execute(sql: "DELETE FROM usage_records WHERE billing_kind = ? AND period_end <= ?",
                           arguments: [kind, now - Int64(days) * 86_400])
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
        let records = try UsageRecord.filter(UsageRecord.Columns.deploymentID == deploymentID && UsageRecord.Columns.periodStart >= from
                                             && UsageRecord.Columns.periodStart < to).fetchCursor(db)
        while let record = try records.next() {
            totals[record.billingKind, default: 0] += record.quantity.decimal
        }
        return totals
    }
}
