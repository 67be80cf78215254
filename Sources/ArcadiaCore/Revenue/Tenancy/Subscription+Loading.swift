import GRDB

/// The one place a `Subscription` is read: its row, its deployment's code and its addons. The
/// rollup, the tenancy engine and the invoice renderings all load subscriptions through here.
extension Subscription {
    /// Subscriptions matching `filter` (SQL over `s`, the subscription, and `d`, its deployment),
    /// by deployment code, then start, then id.
    public static func fetchAll(_ db: Database, where filter: String, arguments: StatementArguments) throws -> [Subscription] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.*, d.code AS deployment_code FROM subscriptions s JOIN deployments d ON d.id = s.deployment_id
            WHERE \(filter) ORDER BY d.code, s.started_at, s.id
            """, arguments: arguments)
        return try rows.map { row in
            let record = try SubscriptionRecord(row: row)
            let addons = try String.fetchAll(db, SubscriptionAddon.select(SubscriptionAddon.Columns.addonCode)
                .filter(SubscriptionAddon.Columns.subscriptionID == record.id).order(SubscriptionAddon.Columns.addonCode))
            return Subscription(id: record.id, deploymentID: record.deploymentID, deploymentCode: try row.decode(forColumn: "deployment_code"),
                                planCode: record.planCode, addonCodes: addons, startedAt: record.startedAt, endedAt: record.endedAt)
        }
    }

    static func fetchAll(_ db: Database, ids: some Collection<Int64>) throws -> [Subscription] {
        guard !ids.isEmpty else { return [] }
        return try fetchAll(db, where: "s.id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))", arguments: StatementArguments(Array(ids)))
    }
}
