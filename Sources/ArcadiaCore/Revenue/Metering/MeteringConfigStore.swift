import GRDB

/// `metering_config`: one row per billing kind that does not use `MeteringPolicy.standard`.
enum MeteringConfigStore {
    static func set(_ db: Database, _ kind: BillingKind, _ policy: MeteringPolicy) throws {
        try db.execute(sql: """
            INSERT INTO metering_config (billing_kind, granularity, retention_days) VALUES (?, ?, ?)
            ON CONFLICT (billing_kind) DO UPDATE SET granularity = excluded.granularity, retention_days = excluded.retention_days
            """, arguments: [kind.rawValue, policy.granularity.rawValue, policy.retentionDays])
    }

    static func load(_ db: Database) throws -> [BillingKind: MeteringPolicy] {
        var policies: [BillingKind: MeteringPolicy] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT billing_kind, granularity, retention_days FROM metering_config") {
            // The schema's CHECK admits only the two granularities.
            policies[BillingKind(rawValue: row["billing_kind"])] = MeteringPolicy(
                granularity: MeteringGranularity(rawValue: row["granularity"]) ?? .daily, retentionDays: row["retention_days"])
        }
        return policies
    }
}
