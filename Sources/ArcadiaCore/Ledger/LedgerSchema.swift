import GRDB

/// The ledger's tables, as GRDB migrations. `docs/ledgers.md` describes them; table names
/// follow the seed system's so its queries keep working.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-inventory") { db in
            try db.execute(sql: """
                CREATE TABLE cloud_projects (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    provider_id TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    environment TEXT,
                    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
                    first_seen_at TEXT NOT NULL,
                    last_changed_at TEXT NOT NULL,
                    missed_listings INTEGER NOT NULL DEFAULT 0 CHECK (missed_listings >= 0),
                    stale_at TEXT
                );
                CREATE TABLE cloud_resources (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    provider_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    region TEXT,
                    size_slug TEXT,
                    attributes TEXT NOT NULL DEFAULT '{}',
                    project_id INTEGER REFERENCES cloud_projects(id),
                    first_seen_at TEXT NOT NULL,
                    last_changed_at TEXT NOT NULL,
                    missed_listings INTEGER NOT NULL DEFAULT 0 CHECK (missed_listings >= 0),
                    stale_at TEXT,
                    UNIQUE (kind, provider_id)
                );
                CREATE INDEX cloud_resources_project ON cloud_resources(project_id);
                CREATE TABLE cloud_resource_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    resource_id INTEGER NOT NULL REFERENCES cloud_resources(id),
                    at TEXT NOT NULL,
                    event TEXT NOT NULL CHECK (event IN ('created', 'changed', 'attributed', 'stale', 'revived')),
                    field TEXT,
                    old_value TEXT,
                    new_value TEXT
                );
                CREATE INDEX cloud_resource_events_resource ON cloud_resource_events(resource_id, at);
                CREATE TABLE cloud_sync_failures (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    worker TEXT NOT NULL,
                    page INTEGER,
                    error TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2-costs") { db in
            try db.execute(sql: """
                CREATE TABLE cloud_balance_snapshots (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    taken_at TEXT NOT NULL,
                    month_to_date_balance_cents INTEGER NOT NULL,
                    account_balance_cents INTEGER NOT NULL,
                    month_to_date_usage_cents INTEGER NOT NULL,
                    generated_at TEXT NOT NULL
                );
                CREATE INDEX cloud_balance_snapshots_taken_at ON cloud_balance_snapshots(taken_at);
                CREATE TABLE cloud_invoices (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    invoice_uuid TEXT NOT NULL UNIQUE,
                    invoice_id TEXT NOT NULL,
                    period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
                    amount_cents INTEGER NOT NULL,
                    ingested_at TEXT,
                    line_count INTEGER NOT NULL DEFAULT 0 CHECK (line_count >= 0),
                    ingest_error TEXT
                );
                CREATE INDEX cloud_invoices_period ON cloud_invoices(period);
                CREATE TABLE cloud_cost_lines (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    cloud_invoice_id INTEGER NOT NULL REFERENCES cloud_invoices(id),
                    line_no INTEGER NOT NULL CHECK (line_no >= 1),
                    product TEXT NOT NULL,
                    group_description TEXT,
                    description TEXT NOT NULL,
                    hours INTEGER,
                    start_at TEXT NOT NULL,
                    end_at TEXT NOT NULL,
                    amount_cents INTEGER NOT NULL,
                    project_name TEXT,
                    category TEXT,
                    kind TEXT NOT NULL,
                    matched_resource_id INTEGER REFERENCES cloud_resources(id),
                    match_status TEXT NOT NULL CHECK (match_status IN ('matched', 'unmatched')),
                    unmatched_reason TEXT,
                    UNIQUE (cloud_invoice_id, line_no),
                    CHECK ((match_status = 'matched') = (matched_resource_id IS NOT NULL)),
                    CHECK ((match_status = 'unmatched') = (unmatched_reason IS NOT NULL))
                );
                CREATE INDEX cloud_cost_lines_kind ON cloud_cost_lines(kind, start_at);
                CREATE INDEX cloud_cost_lines_resource ON cloud_cost_lines(matched_resource_id);
                CREATE INDEX cloud_resources_kind_name ON cloud_resources(kind, name COLLATE NOCASE);
                """)
        }
        migrator.registerMigration("v3-drift", migrate: DriftSchema.migrate)
        migrator.registerMigration("v4-revenue", migrate: RevenueSchema.migrate)
        migrator.registerMigration("v5-pending-specs", migrate: PendingSpec.migrate)
        migrator.registerMigration("v6-pricing", migrate: PricingSchema.migrate)
        migrator.registerMigration("v6-import", migrate: ImportSchema.migrate)
        migrator.registerMigration("v6-job-runs", migrate: JobRun.migrate)
        migrator.registerMigration("v7-drift-ignore-rules", migrate: IgnoreRuleStore.migrate)
        migrator.registerMigration("v7-analyst-views", migrate: AnalystViews.migrate)
        migrator.registerMigration("v8-listing-outages", migrate: ListingOutage.migrate)
        migrator.registerMigration("v8-metering-deferred", migrate: MeteringDeferral.migrate)
        migrator.registerMigration("v9-invoice-price-book", migrate: TenantInvoice.migratePriceBook)
        migrator.registerMigration("v10-balance-one-per-instant", migrate: BalanceSnapshot.migrateOnePerInstant)
        migrator.registerMigration("v11-cost-line-placements", migrate: CostLinePlacement.migrate)
        return migrator
    }
}
