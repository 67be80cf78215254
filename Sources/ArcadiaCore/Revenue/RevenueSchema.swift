import GRDB

/// The revenue tables (migration `v4-revenue`): price books, tenants and their subscriptions, the
/// metered usage, and the tenant invoices. Kept beside the engines that own them; `LedgerSchema`
/// only registers the migration. `docs/ledgers.md` describes the columns.
///
/// Money that is charged is integer cents; quantities and unit prices, which can be fractions of a
/// cent (`0.0125` dollars per GB), are exact decimal strings so nothing is lost to binary floats.
enum RevenueSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE price_books (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                effective_from TEXT NOT NULL UNIQUE CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
                currency TEXT NOT NULL DEFAULT 'USD',
                prorate INTEGER NOT NULL DEFAULT 1 CHECK (prorate IN (0, 1)),
                source TEXT
            );
            CREATE TABLE price_book_tax_rates (
                price_book_id INTEGER NOT NULL REFERENCES price_books(id),
                country TEXT NOT NULL,
                label TEXT NOT NULL,
                rate TEXT NOT NULL,
                PRIMARY KEY (price_book_id, country)
            );
            CREATE TABLE plans (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                price_book_id INTEGER NOT NULL REFERENCES price_books(id),
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                base_price_cents INTEGER NOT NULL CHECK (base_price_cents >= 0),
                UNIQUE (price_book_id, code)
            );
            CREATE TABLE plan_items (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                plan_id INTEGER NOT NULL REFERENCES plans(id),
                billing_kind TEXT NOT NULL,
                included_quantity TEXT NOT NULL,
                overage_unit_price TEXT NOT NULL,
                UNIQUE (plan_id, billing_kind)
            );
            CREATE TABLE addons (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                price_book_id INTEGER NOT NULL REFERENCES price_books(id),
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                monthly_price_cents INTEGER NOT NULL CHECK (monthly_price_cents >= 0),
                billing_kind TEXT,
                included_quantity TEXT,
                UNIQUE (price_book_id, code),
                CHECK ((billing_kind IS NULL) = (included_quantity IS NULL))
            );
            CREATE TABLE tenants (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                country TEXT NOT NULL
            );
            CREATE TABLE deployments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                code TEXT NOT NULL UNIQUE,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                project_name TEXT NOT NULL UNIQUE
            );
            CREATE INDEX deployments_tenant ON deployments(tenant_id);
            CREATE TABLE subscriptions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                deployment_id INTEGER NOT NULL REFERENCES deployments(id),
                plan_code TEXT NOT NULL,
                started_at TEXT NOT NULL,
                ended_at TEXT,
                CHECK (ended_at IS NULL OR ended_at > started_at)
            );
            CREATE INDEX subscriptions_deployment ON subscriptions(deployment_id, started_at);
            CREATE TABLE subscription_addons (
                subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
                addon_code TEXT NOT NULL,
                PRIMARY KEY (subscription_id, addon_code)
            );
            CREATE TABLE metering_config (
                billing_kind TEXT PRIMARY KEY,
                granularity TEXT NOT NULL DEFAULT 'daily' CHECK (granularity IN ('daily', 'hourly')),
                retention_days INTEGER CHECK (retention_days IS NULL OR retention_days > 0)
            );
            CREATE TABLE usage_records (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                deployment_id INTEGER NOT NULL REFERENCES deployments(id),
                resource_id INTEGER NOT NULL REFERENCES cloud_resources(id),
                billing_kind TEXT NOT NULL,
                period_start TEXT NOT NULL,
                period_end TEXT NOT NULL,
                granularity TEXT NOT NULL CHECK (granularity IN ('daily', 'hourly')),
                quantity TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                UNIQUE (deployment_id, resource_id, period_start, granularity),
                CHECK (period_end > period_start)
            );
            CREATE INDEX usage_records_deployment_period ON usage_records(deployment_id, period_start);
            CREATE TABLE tenant_invoices (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant_id INTEGER NOT NULL REFERENCES tenants(id),
                period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
                currency TEXT NOT NULL DEFAULT 'USD',
                subtotal_cents INTEGER NOT NULL,
                tax_cents INTEGER NOT NULL,
                total_cents INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'paid', 'void')),
                created_at TEXT NOT NULL,
                issued_at TEXT,
                paid_at TEXT,
                voided_at TEXT,
                CHECK (total_cents = subtotal_cents + tax_cents)
            );
            CREATE UNIQUE INDEX tenant_invoices_one_per_period ON tenant_invoices(tenant_id, period) WHERE status <> 'void';
            CREATE TABLE tenant_invoice_lines (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                invoice_id INTEGER NOT NULL REFERENCES tenant_invoices(id),
                line_no INTEGER NOT NULL CHECK (line_no >= 1),
                line_type TEXT NOT NULL CHECK (line_type IN ('plan_base', 'addon', 'overage', 'tax')),
                deployment_id INTEGER REFERENCES deployments(id),
                subscription_id INTEGER REFERENCES subscriptions(id),
                resource_kind TEXT,
                description TEXT NOT NULL,
                quantity TEXT NOT NULL,
                unit_price TEXT NOT NULL,
                amount_cents INTEGER NOT NULL,
                UNIQUE (invoice_id, line_no),
                CHECK ((line_type = 'tax') = (deployment_id IS NULL))
            );
            """)
    }
}
