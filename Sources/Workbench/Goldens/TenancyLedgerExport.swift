import ArcadiaCore
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
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.id, d.code AS deployment, s.started_at, s.ended_at, s.plan_code
            FROM subscriptions s JOIN deployments d ON d.id = s.deployment_id ORDER BY d.code, s.started_at
            """)
        var out = "deployment\tstarted_at\tended_at\tplan_code\taddons\n"
        for row in rows {
            let addons = try String.fetchAll(db, sql: "SELECT addon_code FROM subscription_addons WHERE subscription_id = ?",
                                             arguments: [row["id"] as Int64]).sorted()
            let fields = [row["deployment"] as String, row["started_at"], row["ended_at"] ?? "", row["plan_code"], addons.joined(separator: ",")]
            out += fields.map(LedgerExport.escape).joined(separator: "\t") + "\n"
        }
        return LedgerFile(name: "subscriptions.tsv", content: out)
    }
}
