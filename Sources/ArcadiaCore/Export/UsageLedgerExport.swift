import DigitalOcean
import GRDB
import MoneyAndTime

/// The metering side's canonical files: every metered usage record (usage derived from imported
/// invoices is not metering's and has no golden), and each deployment's monthly totals
/// as `usage_for_period` answers them (so a golden shows, e.g., a month of a DNS zone summing to 1).
enum UsageLedgerExport {
    static func export(_ db: Database) throws -> [LedgerFile] {
        [
            try LedgerExport.table(db, name: "usage.tsv", sql: """
                SELECT t.code AS tenant, d.code AS deployment, u.billing_kind,
                       r.kind || ':' || r.name || ' (' || r.provider_id || ')' AS resource,
                       u.granularity, u.period_start, u.period_end, u.quantity, u.recorded_at
                FROM usage_records u JOIN deployments d ON d.id = u.deployment_id JOIN tenants t ON t.id = d.tenant_id
                JOIN cloud_resources r ON r.id = u.resource_id
                WHERE u.source = 'metered'
                ORDER BY d.code, u.billing_kind, r.kind, r.name, r.provider_id, u.period_start, u.granularity
                """),
            try monthlyTotals(db),
        ]
    }

    /// Per deployment and calendar month that has records: the total of each billing kind.
    private static func monthlyTotals(_ db: Database) throws -> LedgerFile {
        let months = try Row.fetchAll(db, sql: """
            SELECT DISTINCT t.code AS tenant, d.code AS deployment, d.id, substr(u.period_start, 1, 7) AS month
            FROM usage_records u JOIN deployments d ON d.id = u.deployment_id JOIN tenants t ON t.id = d.tenant_id
            WHERE u.source = 'metered'
            ORDER BY d.code, month
            """)
        var out = "tenant\tdeployment\tmonth\tbilling_kind\tquantity\n"
        for row in months {
            let month: String = try row.decode(forColumn: "month")
            let tenant: String = try row.decode(forColumn: "tenant")
            let deployment: String = try row.decode(forColumn: "deployment")
            guard let start = Timestamp(iso8601: month + "-01") else { continue }
            let totals = try UsageRecordStore.usage(db, deploymentID: try row.decode(forColumn: "id"), from: start, to: start.startOfNextMonth)
            for (kind, quantity) in totals.sorted(by: { $0.key < $1.key }) {
                out += "\(tenant)\t\(deployment)\t\(month)\t\(kind)\t\(quantity)\n"
            }
        }
        return LedgerFile(name: "usage_by_month.tsv", content: out)
    }
}
