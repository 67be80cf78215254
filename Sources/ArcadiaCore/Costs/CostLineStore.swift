import GRDB

/// Reads and replaces an invoice's line set in `cloud_cost_lines`.
public enum CostLineStore {
    /// The stored lines of the invoice with `invoiceUUID`, in CSV order; empty when none.
    public static func lines(_ db: Database, invoiceUUID: String) throws -> [CostLine] {
        try Row.fetchAll(db, sql: """
            SELECT l.line_no, l.product, l.group_description, l.description, l.hours, l.start_at, l.end_at, l.amount_cents,
                   l.project_name, l.category, l.kind, l.matched_resource_id, l.unmatched_reason
            FROM cloud_cost_lines l JOIN cloud_invoices i ON i.id = l.cloud_invoice_id
            WHERE i.invoice_uuid = ? ORDER BY l.line_no
            """, arguments: [invoiceUUID]).map { row in
            CostLine(lineNo: row[0], product: row[1], groupDescription: row[2], description: row[3], hours: row[4],
                     startAt: row[5], endAt: row[6], amountCents: row[7], projectName: row[8], category: row[9],
                     kind: CostKind(rawValue: row[10]), matchedResourceID: row[11], unmatchedReason: row[12])
        }
    }

    /// Makes `lines` the invoice's line set. Identical stored lines are left alone (same rows,
    /// same ids); otherwise the whole set is deleted and inserted in CSV order. Returns whether
    /// anything was written. Call inside the ingest transaction.
    @discardableResult
    static func replace(_ db: Database, invoiceRowID: Int64, invoiceUUID: String, with lines: [CostLine]) throws -> Bool {
        guard try Self.lines(db, invoiceUUID: invoiceUUID) != lines else { return false }
        try db.execute(sql: "DELETE FROM cloud_cost_lines WHERE cloud_invoice_id = ?", arguments: [invoiceRowID])
        let insert = try db.cachedStatement(sql: """
            INSERT INTO cloud_cost_lines (cloud_invoice_id, line_no, product, group_description, description, hours, start_at,
                end_at, amount_cents, project_name, category, kind, matched_resource_id, match_status, unmatched_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for line in lines {
            try insert.execute(arguments: [
                invoiceRowID, line.lineNo, line.product, line.groupDescription, line.description, line.hours, line.startAt,
                line.endAt, line.amountCents, line.projectName, line.category, line.kind.rawValue, line.matchedResourceID,
                line.isMatched ? "matched" : "unmatched", line.unmatchedReason,
            ])
        }
        return true
    }
}
