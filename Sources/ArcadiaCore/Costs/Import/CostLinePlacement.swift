import GRDB

/// `cost_line_placements`: the deployment `import do-invoice --derive-usage` placed a line with
/// (its `project_name`, the project map or `--deployment`), kept for every line it placed, usage
/// or not, so a line's cost follows it even when it gives no usage (a backup: DO's line carries no
/// size). Keyed like derived records, by invoice row and line number; rewritten with them.
enum CostLinePlacement {
    /// Migration `v11-cost-line-placements`: the table (filled from the derived records a ledger
    /// already holds), and `cost_attribution` taking a placement where neither the matched
    /// resource's project nor the line's `project_name` names a deployment.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cost_line_placements (
                cloud_invoice_id INTEGER NOT NULL REFERENCES cloud_invoices(id) ON DELETE CASCADE,
                line_no INTEGER NOT NULL,
                deployment_id INTEGER NOT NULL REFERENCES deployments(id),
                PRIMARY KEY (cloud_invoice_id, line_no)
            );
            INSERT INTO cost_line_placements (cloud_invoice_id, line_no, deployment_id)
                SELECT cloud_invoice_id, cost_line_no, deployment_id FROM usage_records WHERE source = 'do_invoice';
            DROP VIEW cost_attribution;
            CREATE VIEW cost_attribution AS
                SELECT l.id AS cost_line_id, ci.period, l.kind, l.amount_cents, COALESCE(d.id, pl.deployment_id) AS deployment_id
                FROM cloud_cost_lines l
                JOIN cloud_invoices ci ON ci.id = l.cloud_invoice_id
                LEFT JOIN cloud_resources r ON r.id = l.matched_resource_id
                LEFT JOIN cloud_projects p ON p.id = r.project_id
                LEFT JOIN deployments d ON d.project_name = COALESCE(p.name, l.project_name)
                LEFT JOIN cost_line_placements pl ON pl.cloud_invoice_id = l.cloud_invoice_id AND pl.line_no = l.line_no;
            """)
    }

    /// The invoice's placements, by line number.
    static func all(_ db: Database, invoiceRowID: Int64) throws -> [Int: Int64] {
        var placed: [Int: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT line_no, deployment_id FROM cost_line_placements WHERE cloud_invoice_id = ?",
                                    arguments: [invoiceRowID]) {
            placed[row["line_no"]] = row["deployment_id"]
        }
        return placed
    }

    /// Makes the invoice's placements exactly `placements`.
    static func replace(_ db: Database, invoiceRowID: Int64, with placements: [Int: Int64]) throws {
        try deleteAll(db, invoiceRowID: invoiceRowID)
        for (lineNo, deploymentID) in placements.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO cost_line_placements (cloud_invoice_id, line_no, deployment_id) VALUES (?, ?, ?)",
                           arguments: [invoiceRowID, lineNo, deploymentID])
        }
    }

    static func deleteAll(_ db: Database, invoiceRowID: Int64) throws {
        try db.execute(sql: "DELETE FROM cost_line_placements WHERE cloud_invoice_id = ?", arguments: [invoiceRowID])
    }
}
