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
            ON CONFLICT (deployment_id, resource_id, period_start, granularity) WHERE source = 'metered' DO NOTHING
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
                           AND period_start >= ? AND period_start < ? AND granularity <> ? AND source = 'metered')
            """), arguments: [deploymentID, resourceID, start, end, granularity]) ?? false
    }

    /// Deletes the records of kinds with a retention period whose period ended that many days
    /// before `now` or earlier. Returns how many went.
    static func prune(_ db: Database, policies: [BillingKind: MeteringPolicy], at now: Timestamp) throws -> Int {
        var pruned = 0
        for (kind, policy) in policies.sorted(by: { $0.key < $1.key }) {
            guard let days = policy.retentionDays else { continue }
            try db.execute(sql: "DELETE FROM usage_records WHERE billing_kind = ? AND period_end <= ? AND source = 'metered'",
                           arguments: [kind, now - Int64(days) * 86_400])
            pruned += db.changesCount
        }
        return pruned
    }

    /// `usage_for_period`: the deployment's recorded usage per billing kind, summing every record
    /// whose period starts in `[from, to)` (metered records never straddle a month, so month bounds
    /// take whole records). Exact: each quantity is read as a `Decimal` from its text and added as one.
    /// A kind with no record is absent, not zero.
    ///
    /// Only metered records unless `sources` says otherwise: usage derived from an imported invoice
    /// (`do_invoice`) is read only by a caller that asks for it, so it is never summed with what
    /// metering recorded for the same days by accident.
    public static func usage(_ db: Database, deploymentID: Int64, from: Timestamp, to: Timestamp,
                             sources: Set<UsageRecordSource> = [.metered]) throws -> [BillingKind: Decimal] {
        var totals: [BillingKind: Decimal] = [:]
        let wanted = sources.sorted().map(\.rawValue)
        var arguments: StatementArguments = [deploymentID, from, to]
        arguments += StatementArguments(wanted)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT billing_kind, quantity FROM usage_records
            WHERE deployment_id = ? AND period_start >= ? AND period_start < ?
              AND source IN (\(wanted.map { _ in "?" }.joined(separator: ", ")))
            """, arguments: arguments)
        while let row = try rows.next() {
            let kind: BillingKind = try row.decode(forColumn: UsageRecord.Columns.billingKind)
            let quantity: UsageQuantity = try row.decode(forColumn: UsageRecord.Columns.quantity)
            totals[kind, default: 0] += quantity.decimal
        }
        return totals
    }
}
