import DigitalOcean
import GRDB
import MoneyAndTime

/// The `cloud_invoices` headers: what has been listed, what is ingested, what failed.
enum InvoiceStore {
    /// Inserts new headers and refreshes known ones. A header whose amount changed is marked not
    /// ingested, so its lines are reconciled again against the new amount.
    ///
    /// A month imported from an export before DO listed it (`InvoiceImport`, uuid `csv-YYYY-MM`)
    /// becomes that invoice: the row takes DO's uuid and number, keeping its id and lines, so the
    /// month is never counted twice; DO's amount then decides, as for any header, whether the
    /// lines are ingested again from the API.
    static func upsert(_ db: Database, _ header: InvoiceHeader) throws {
        if let period = BillingPeriod(header.period) {
            try db.execute(sql: """
                UPDATE cloud_invoices SET invoice_uuid = ?, invoice_id = ?
                WHERE invoice_uuid = ? AND NOT EXISTS (SELECT 1 FROM cloud_invoices WHERE invoice_uuid = ?)
                """, arguments: [header.uuid, header.invoiceID, InvoiceImport.invoiceUUID(for: period), header.uuid])
        }
        try db.cachedStatement(sql: """
            INSERT INTO cloud_invoices (invoice_uuid, invoice_id, period, amount_cents) VALUES (?, ?, ?, ?)
            ON CONFLICT (invoice_uuid) DO UPDATE SET
                invoice_id = excluded.invoice_id,
                period = excluded.period,
                ingested_at = CASE WHEN amount_cents = excluded.amount_cents THEN ingested_at END,
                amount_cents = excluded.amount_cents
            """).execute(arguments: [header.uuid, header.invoiceID, header.period, header.amountCents])
    }

    static func fetch(_ db: Database, uuid: String) throws -> CloudInvoice? {
        try CloudInvoice.filter(CloudInvoice.Columns.invoiceUUID == uuid).fetchOne(db)
    }

    /// The month's invoice (the first by uuid, should DO ever issue two), for an operator's re-ingest.
    static func uuid(_ db: Database, period: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT invoice_uuid FROM cloud_invoices WHERE period = ? ORDER BY invoice_uuid LIMIT 1",
                            arguments: [period])
    }

    /// Invoices to ingest on the next run: never ingested, or whose last attempt failed; oldest
    /// period first, then by uuid.
    static func pending(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT invoice_uuid FROM cloud_invoices WHERE ingested_at IS NULL OR ingest_error IS NOT NULL
            ORDER BY period, invoice_uuid
            """)
    }

    /// The lines are the API's now, even where an import had replaced them (`source` back to `api`).
    static func markIngested(_ db: Database, rowID: Int64, at time: Timestamp, lineCount: Int) throws {
        try CloudInvoice.filter(key: rowID).updateAll(db, CloudInvoice.Columns.ingestedAt.set(to: time),
                                                      CloudInvoice.Columns.lineCount.set(to: lineCount),
                                                      CloudInvoice.Columns.ingestError.set(to: nil),
                                                      CloudInvoice.Columns.origin.set(to: CloudInvoice.Origin.api))
    }

    /// Records a failed attempt; the previous line set, `ingested_at` and `line_count` stay as
    /// they were, since they still describe the lines in the ledger.
    /// Keeps the latest error on the invoice (it stays pending until an ingest succeeds) and logs
    /// every failed attempt in `cloud_sync_failures`, so the history of retries is in the ledger.
    static func recordError(_ db: Database, uuid: String, message: String, at time: Timestamp) throws {
        try CloudInvoice.filter(CloudInvoice.Columns.invoiceUUID == uuid).updateAll(db, CloudInvoice.Columns.ingestError.set(to: message))
        try SyncFailure(at: time, worker: "cost.invoices", page: nil, error: message).insert(db)
    }
}
