import GRDB

/// The tenancy side's canonical files: tenants, deployments (with the tenant and project each
/// belongs to) and every subscription row with its addons.
enum TenancyLedgerExport {
    static func export(_ db: Database) throws -> [LedgerFile] {
        [
            try LedgerExport.table(db, name: "tenants.tsv", sql: "SELECT code, name, country FROM tenants ORDER BY code"),
            try LedgerExport.table(db, name: "deployments.tsv", sql: """
                SELECT d.code, t.code AS tenant, d.name, d.project_name
                FROM deployments d JOIN tenants t ON t.id = d.tenant_id ORDER BY d.code
                """),
            try subscriptions(db),
        ]
    }

    /// By deployment, then start; addons comma-separated in name order (empty for none).
    private static func subscriptions(_ db: Database) throws -> LedgerFile {
        LedgerExport.tsv(name: "subscriptions.tsv", columns: ["deployment", "started_at", "ended_at", "plan_code", "addons"],
                         rows: try Subscription.fetchAll(db, where: "1", arguments: []).map { subscription in
            [subscription.deploymentCode, subscription.startedAt.iso8601, subscription.endedAt?.iso8601, subscription.planCode,
             subscription.addonCodes.joined(separator: ",")]
        })
    }
}
