import GRDB

/// The cost side's canonical files: balance snapshots, invoice headers, cost lines with how each
/// was matched, and a match report per invoice derived from the stored lines (so the report in a
/// golden is exactly what the ledger holds, not what an ingest happened to return).
enum CostLedgerExport {
    static func export(_ db: Database) throws -> [LedgerFile] {
        [
            // The balance is read hourly and moves every hour by design: a golden of every reading
            // buries a one-line cost change under hundreds of rows. The golden keeps the last
            // reading of each UTC day and how many readings the day had; the ledger keeps them all.
            try LedgerExport.table(db, name: "balance.tsv", sql: """
                SELECT b.taken_at, b.month_to_date_usage_cents, b.account_balance_cents, b.month_to_date_balance_cents, b.generated_at,
                       d.readings AS readings_that_day
                FROM cloud_balance_snapshots b
                JOIN (SELECT MAX(id) AS last_id, COUNT(*) AS readings FROM cloud_balance_snapshots GROUP BY substr(taken_at, 1, 10)) d
                  ON d.last_id = b.id
                ORDER BY b.taken_at, b.id
                """),
            try LedgerExport.table(db, name: "invoices.tsv", sql: """
                SELECT period, invoice_uuid, invoice_id, amount_cents, ingested_at, line_count, ingest_error
                FROM cloud_invoices ORDER BY period, invoice_uuid
                """),
            try LedgerExport.table(db, name: "cost_lines.tsv", sql: """
                SELECT i.period, l.line_no, l.product, l.description, l.hours, l.start_at, l.end_at, l.amount_cents,
                       l.project_name, l.category, l.kind, l.match_status,
                       r.kind || ':' || r.name || ' (' || r.provider_id || ')' AS matched_resource, l.unmatched_reason
                FROM cloud_cost_lines l JOIN cloud_invoices i ON i.id = l.cloud_invoice_id
                LEFT JOIN cloud_resources r ON r.id = l.matched_resource_id
                ORDER BY i.period, i.invoice_uuid, l.line_no
                """),
            try matchReport(db),
        ]
    }

    private static func matchReport(_ db: Database) throws -> LedgerFile {
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.period, i.invoice_uuid, i.amount_cents, i.ingested_at,
                   COUNT(l.id) AS lines, COALESCE(SUM(l.match_status = 'matched'), 0) AS matched,
                   COALESCE(SUM(l.amount_cents), 0) AS line_sum
            FROM cloud_invoices i LEFT JOIN cloud_cost_lines l ON l.cloud_invoice_id = i.id
            GROUP BY i.id ORDER BY i.period, i.invoice_uuid
            """)
        var out = "period\tinvoice_uuid\tlines\tmatched\tmatch_rate\tline_sum_cents\tamount_cents\treconciliation\n"
        for row in rows {
            let ingested: String? = try row.decode(forColumn: "ingested_at")
            let lines: Int = try row.decode(forColumn: "lines")
            let lineSum: Int64 = try row.decode(forColumn: "line_sum")
            let amount: Int64 = try row.decode(forColumn: "amount_cents")
            let rate = MatchRate(matched: try row.decode(forColumn: "matched"), total: lines)
            let reconciliation = ingested == nil ? "not ingested"
                : lineSum == amount ? "lines sum to the invoice amount"
                : "lines sum to \(lineSum) cents, invoice says \(amount) (difference \(lineSum - amount))"
            let period: String = try row.decode(forColumn: "period")
            let uuid: String = try row.decode(forColumn: "invoice_uuid")
            out += "\(period)\t\(uuid)\t\(lines)\t\(rate.matched)\t\(rate.percentText)\t\(lineSum)\t\(amount)\t\(reconciliation)\n"
        }
        return LedgerFile(name: "match_report.tsv", content: out)
    }
}
