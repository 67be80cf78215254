import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// `usage_records`: written once per (deployment, resource, period, granularity), summed exactly.
public enum UsageRecordStore {
    /// One period of a day at a granularity, its bounds formatted once for every record that shares them.
    struct Period {
        let start: Timestamp
        let end: Timestamp
        let granularity: MeteringGranularity
        fileprivate let startValue: DatabaseValue
        fileprivate let endValue: DatabaseValue

        init(start: Timestamp, granularity: MeteringGranularity) {
            self.start = start
            end = start + granularity.seconds
            self.granularity = granularity
            startValue = start.databaseValue
            endValue = end.databaseValue
        }

        /// The periods of the day starting at `day`, in order.
        static func all(of day: Timestamp, granularity: MeteringGranularity) -> [Period] {
            stride(from: day.seconds, to: day.seconds + 86_400, by: Int(granularity.seconds)).map {
                Period(start: Timestamp(seconds: $0), granularity: granularity)
            }
        }
    }

    /// Writes records, each once: an existing one for the same key is left as it is (re-metering
    /// changes nothing). One prepared statement for a whole metering run, which writes one record
    /// per resource per period.
    struct Inserter {
        private let db: Database
        private let statement: Statement
        private let recordedAt: DatabaseValue

        init(_ db: Database, recordedAt: Timestamp) throws {
            self.db = db
            statement = try db.cachedStatement(sql: """
                INSERT INTO usage_records (deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (deployment_id, resource_id, period_start, granularity) WHERE source = 'metered' DO NOTHING
                """)
            self.recordedAt = recordedAt.databaseValue
        }

        /// Returns whether the record was written.
        func insert(deploymentID: Int64, resourceID: Int64, billingKind: BillingKind, period: Period, quantity: UsageQuantity) throws -> Bool {
            try statement.execute(arguments: [deploymentID, resourceID, billingKind, period.startValue, period.endValue,
                                              period.granularity, quantity, recordedAt])
            return db.changesCount == 1
        }
    }

    /// Metered records of one (deployment, resource).
    struct RecordKey: Hashable {
        var deploymentID: Int64
        var resourceID: Int64
    }

    /// The granularities at which each (deployment, resource) already has metered records starting
    /// in `[start, end)`: metering a resource's day again at another granularity (its kind's was
    /// changed since) would count it twice. One query for the whole day; naming every deployment
    /// lets SQLite range over `usage_records_deployment_period` per deployment instead of scanning.
    static func recordedGranularities(_ db: Database, from start: Timestamp, to end: Timestamp) throws -> [RecordKey: Set<MeteringGranularity>] {
        var recorded: [RecordKey: Set<MeteringGranularity>] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT DISTINCT deployment_id, resource_id, granularity FROM usage_records
            WHERE deployment_id IN (SELECT id FROM deployments) AND period_start >= ? AND period_start < ? AND source = 'metered'
            """), arguments: [start, end])
        while let row = try rows.next() {
            let key = RecordKey(deploymentID: try row.decode(forColumn: UsageRecord.Columns.deploymentID),
                                resourceID: try row.decode(forColumn: UsageRecord.Columns.resourceID))
            recorded[key, default: []].insert(try row.decode(forColumn: UsageRecord.Columns.granularity))
        }
        return recorded
    }

    /// Deletes the records of kinds with a retention period whose period ended that many days
    /// before `now` or earlier. Returns how many went.
    static func prune(_ db: Database, policies: [BillingKind: MeteringPolicy], at now: Timestamp) throws -> Int {
        var pruned = 0
        for (kind, policy) in policies.sorted(by: { $0.key < $1.key }) {
            guard let cutoff = policy.retentionCutoff(at: now) else { continue }
            try db.execute(sql: "DELETE FROM usage_records WHERE billing_kind = ? AND period_end <= ? AND source = 'metered'",
                           arguments: [kind, cutoff])
            pruned += db.changesCount
        }
        return pruned
    }

    /// `usage_for_period`: the deployment's recorded usage per billing kind, summing every record
    /// whose period starts in `[from, to)` (metered records never straddle a month, so month bounds
    /// take whole records). Exact: quantities are summed as integer millionths, and each kind's total
    /// turned into a `Decimal` once.
    /// A kind with no record is absent, not zero.
    ///
    /// Only metered records unless `sources` says otherwise: usage derived from an imported invoice
    /// (`do_invoice`) is read only by a caller that asks for it, so it is never summed with what
    /// metering recorded for the same days by accident.
    public static func usage(_ db: Database, deploymentID: Int64, from: Timestamp, to: Timestamp,
                             sources: Set<UsageRecordSource> = [.metered]) throws -> [BillingKind: Decimal] {
        var totals: [BillingKind: Int128] = [:]
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
            totals[kind, default: 0] += Int128(quantity.millionths)
        }
        return totals.mapValues(UsageQuantity.decimal(millionths:))
    }
}
