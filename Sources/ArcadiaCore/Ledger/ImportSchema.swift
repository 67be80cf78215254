import GRDB

/// Migration `v6-import`: what importing real history needs (`docs/ledgers.md`, `docs/history.md`).
///
/// - `cloud_invoices.source`: `api` for an invoice the invoices job listed, `csv` for a month whose
///   lines came from an invoice export (`arcadia import do-invoice`), so an import is recognisable
///   without a magic uuid.
/// - `usage_records` widened for usage derived from an invoice's lines (`--derive-usage`): a
///   `source` (`metered` or `do_invoice`), the granularity `invoice` (one record spanning the
///   line's own start and end), a nullable `resource_id` (an imported line may bill a resource the
///   ledger never inventoried) and the line it came from (`cloud_invoice_id`, `cost_line_no`).
///   Metered records keep their key through a partial unique index, derived ones are unique per
///   line. SQLite cannot alter a CHECK or a NOT NULL, so the table is rebuilt with every row copied
///   with its id; nothing references it, so dropping the old one breaks no foreign key.
enum ImportSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE cloud_invoices ADD COLUMN source TEXT NOT NULL DEFAULT 'api' CHECK (source IN ('api', 'csv'));
            CREATE TABLE usage_records_v6 (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                deployment_id INTEGER NOT NULL REFERENCES deployments(id),
                resource_id INTEGER REFERENCES cloud_resources(id),
                billing_kind TEXT NOT NULL,
                period_start TEXT NOT NULL,
                period_end TEXT NOT NULL,
                granularity TEXT NOT NULL CHECK (granularity IN ('daily', 'hourly', 'invoice')),
                quantity TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                source TEXT NOT NULL DEFAULT 'metered' CHECK (source IN ('metered', 'do_invoice')),
                cloud_invoice_id INTEGER REFERENCES cloud_invoices(id),
                cost_line_no INTEGER CHECK (cost_line_no IS NULL OR cost_line_no >= 1),
                CHECK (period_end > period_start),
                CHECK ((source = 'do_invoice') = (granularity = 'invoice')),
                CHECK (source = 'do_invoice' OR resource_id IS NOT NULL),
                CHECK ((source = 'do_invoice') = (cloud_invoice_id IS NOT NULL)),
                CHECK ((cloud_invoice_id IS NULL) = (cost_line_no IS NULL))
            );
            INSERT INTO usage_records_v6 (id, deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at)
                SELECT id, deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at
                FROM usage_records ORDER BY id;
            DROP TABLE usage_records;
            ALTER TABLE usage_records_v6 RENAME TO usage_records;
            CREATE UNIQUE INDEX usage_records_metered_key ON usage_records(deployment_id, resource_id, period_start, granularity)
                WHERE source = 'metered';
            CREATE UNIQUE INDEX usage_records_derived_line ON usage_records(cloud_invoice_id, cost_line_no) WHERE source = 'do_invoice';
            CREATE INDEX usage_records_deployment_period ON usage_records(deployment_id, period_start);
            """)
    }
}
