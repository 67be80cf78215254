import DigitalOcean
import GRDB

/// Reads and replaces an invoice's line set in `cloud_cost_lines`.
public enum CostLineStore {
    /// The stored lines of the invoice with `invoiceUUID`, in CSV order; empty when none.
    public static func lines(_ db: Database, invoiceUUID: String) throws -> [CostLine] {
        try CostLine.fetchAll(db, sql: """
            SELECT l.* FROM cloud_cost_lines l JOIN cloud_invoices i ON i.id = l.cloud_invoice_id
            WHERE i.invoice_uuid = ? ORDER BY l.line_no
            """, arguments: [invoiceUUID])
    }

    /// Makes `lines` the invoice's line set. Identical stored lines are left alone (same rows,
    /// same ids); otherwise the whole set is deleted and inserted in CSV order. Returns whether
    /// anything was written. Call inside the ingest transaction.
    @discardableResult
    static func replace(_ db: Database, invoiceRowID: Int64, invoiceUUID: String, with lines: [CostLine]) throws -> Bool {
        guard try Self.lines(db, invoiceUUID: invoiceUUID) != lines else { return false }
        try CostLine.filter(CostLine.Columns.invoiceRowID == invoiceRowID).deleteAll(db)
        let columns = CostLine.insertedColumns.map(\.rawValue)
        let insert = try db.cachedStatement(sql: "INSERT INTO \(CostLine.databaseTableName) (\(columns.joined(separator: ", "))) "
            + "VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))")
        // Each line's values, made ready on every core; the statement then only binds them.
        for arguments in ConcurrentMap.map(lines, { $0.insertArguments }) {
            try insert.execute(arguments: arguments)
        }
        return true
    }
}
