import GRDB

/// `metering_config`: one row per billing kind that does not use `MeteringPolicy.standard`.
enum MeteringConfigStore {
    static func set(_ db: Database, _ kind: BillingKind, _ policy: MeteringPolicy) throws {
        try db.execute(sql: """
            INSERT INTO metering_config (billing_kind, granularity, retention_days) VALUES (?, ?, ?)
            ON CONFLICT (billing_kind) DO UPDATE SET granularity = excluded.granularity, retention_days = excluded.retention_days
            """, arguments: [kind, policy.granularity, policy.retentionDays])
    }

    static func load(_ db: Database) throws -> [BillingKind: MeteringPolicy] {
        var policies: [BillingKind: MeteringPolicy] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT billing_kind, granularity, retention_days FROM metering_config") {
            policies[try row.decode(forColumn: "billing_kind")] = MeteringPolicy(
                granularity: try row.decode(forColumn: "granularity"), retentionDays: try row.decode(forColumn: "retention_days"))
        }
        return policies
    }
}
