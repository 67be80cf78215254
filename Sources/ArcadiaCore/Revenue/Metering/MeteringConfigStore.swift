import GRDB

/// `metering_config`: one row per billing kind that does not use `MeteringPolicy.standard`.
struct MeteringConfigRow: PersistableRecord, FetchableRecord {
    static let databaseTableName = "metering_config"
    enum Columns: String, ColumnExpression { case billingKind = "billing_kind", granularity, retentionDays = "retention_days" }

    var billingKind: BillingKind
    var policy: MeteringPolicy

    init(billingKind: BillingKind, policy: MeteringPolicy) {
        self.billingKind = billingKind
        self.policy = policy
    }

    init(row: Row) throws {
        billingKind = try row.decode(forColumn: Columns.billingKind)
        policy = MeteringPolicy(granularity: try row.decode(forColumn: Columns.granularity),
                                retentionDays: try row.decode(forColumn: Columns.retentionDays))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.billingKind] = billingKind
        container[Columns.granularity] = policy.granularity
        container[Columns.retentionDays] = policy.retentionDays
    }
}

/// The `metering_config` rows: each configured billing kind's policy.
public enum MeteringConfigStore {
    static func set(_ db: Database, _ kind: BillingKind, _ policy: MeteringPolicy) throws {
        try MeteringConfigRow(billingKind: kind, policy: policy).upsert(db)
    }

    /// Read by every daily metering run, so a cached statement.
    public static func load(_ db: Database) throws -> [BillingKind: MeteringPolicy] {
        Dictionary(uniqueKeysWithValues: try MeteringConfigRow.fetchAll(db.cachedStatement(sql: "SELECT * FROM \(MeteringConfigRow.databaseTableName)"))
            .map { ($0.billingKind, $0.policy) })
    }
}
