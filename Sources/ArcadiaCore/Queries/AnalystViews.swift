import GRDB

/// Migration `v7-analyst-views`: SQL views for the questions analysts ask of a ledger, with
/// numeric columns a spreadsheet or pandas sums as numbers (stored decimals are text; views cast
/// them to REAL and give dollars beside exact cents). `docs/ledgers.md` documents them.
/// `margin_by_deployment_month` is also what `arcadia margin` and `GET /api/v1/margin` read, so
/// the attribution rule lives here once.
enum AnalystViews {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIEW invoice_totals_by_tenant_month AS
                SELECT t.code AS tenant, i.period, i.status, i.subtotal_cents, i.tax_cents, i.total_cents,
                       i.subtotal_cents / 100.0 AS subtotal, i.tax_cents / 100.0 AS tax, i.total_cents / 100.0 AS total,
                       (SELECT COUNT(*) FROM tenant_invoice_lines l WHERE l.invoice_id = i.id) AS lines
                FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id
                WHERE i.status <> 'void';
            CREATE VIEW usage_by_deployment_kind_month AS
                SELECT d.code AS deployment, t.code AS tenant, substr(u.period_start, 1, 7) AS period, u.billing_kind,
                       u.granularity, u.source, SUM(CAST(u.quantity AS REAL)) AS quantity, COUNT(*) AS records
                FROM usage_records u JOIN deployments d ON d.id = u.deployment_id JOIN tenants t ON t.id = d.tenant_id
                GROUP BY d.code, t.code, substr(u.period_start, 1, 7), u.billing_kind, u.granularity, u.source;
            CREATE VIEW cost_attribution AS
                SELECT l.id AS cost_line_id, ci.period, l.kind, l.amount_cents, d.id AS deployment_id
                FROM cloud_cost_lines l
                JOIN cloud_invoices ci ON ci.id = l.cloud_invoice_id
                LEFT JOIN cloud_resources r ON r.id = l.matched_resource_id
                LEFT JOIN cloud_projects p ON p.id = r.project_id
                LEFT JOIN deployments d ON d.project_name = COALESCE(p.name, l.project_name);
            CREATE VIEW margin_by_deployment_month AS
                WITH cost AS (
                    SELECT period, deployment_id, SUM(amount_cents) AS cents FROM cost_attribution GROUP BY period, deployment_id
                ), revenue AS (
                    SELECT i.period, l.deployment_id, SUM(l.amount_cents) AS cents
                    FROM tenant_invoice_lines l JOIN tenant_invoices i ON i.id = l.invoice_id
                    WHERE i.status <> 'void' AND l.line_type <> 'tax'
                    GROUP BY i.period, l.deployment_id
                ), keys AS (
                    SELECT period, deployment_id FROM cost UNION SELECT period, deployment_id FROM revenue
                )
                SELECT k.period, d.code AS deployment, t.code AS tenant,
                       COALESCE(c.cents, 0) AS cost_cents, COALESCE(r.cents, 0) AS revenue_cents,
                       COALESCE(r.cents, 0) - COALESCE(c.cents, 0) AS margin_cents,
                       COALESCE(c.cents, 0) / 100.0 AS cost, COALESCE(r.cents, 0) / 100.0 AS revenue,
                       (COALESCE(r.cents, 0) - COALESCE(c.cents, 0)) / 100.0 AS margin
                FROM keys k
                LEFT JOIN cost c ON c.period = k.period AND c.deployment_id IS k.deployment_id
                LEFT JOIN revenue r ON r.period = k.period AND r.deployment_id IS k.deployment_id
                LEFT JOIN deployments d ON d.id = k.deployment_id
                LEFT JOIN tenants t ON t.id = d.tenant_id;
            """)
    }
}
