import GRDB

/// Migration `v6-pricing`: what the price book semantics of `docs/revenue.md` need beyond
/// `v4-revenue`. Books may turn allowance proration off; a plan item's overage is flat or tiered
/// (its tiers in `plan_item_tiers`); and every invoice line keeps what recomputes its amount.
enum PricingSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE price_books ADD COLUMN prorate_allowances INTEGER NOT NULL DEFAULT 1 CHECK (prorate_allowances IN (0, 1));
            CREATE TABLE plan_items_v6 (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                plan_id INTEGER NOT NULL REFERENCES plans(id),
                billing_kind TEXT NOT NULL,
                included_quantity TEXT NOT NULL,
                overage_mode TEXT NOT NULL DEFAULT 'flat' CHECK (overage_mode IN ('flat', 'graduated', 'volume')),
                overage_unit_price TEXT,
                UNIQUE (plan_id, billing_kind),
                CHECK ((overage_mode = 'flat') = (overage_unit_price IS NOT NULL))
            );
            INSERT INTO plan_items_v6 (id, plan_id, billing_kind, included_quantity, overage_unit_price)
                SELECT id, plan_id, billing_kind, included_quantity, overage_unit_price FROM plan_items;
            DROP TABLE plan_items;
            ALTER TABLE plan_items_v6 RENAME TO plan_items;
            CREATE TABLE plan_item_tiers (
                plan_item_id INTEGER NOT NULL REFERENCES plan_items(id),
                position INTEGER NOT NULL CHECK (position >= 1),
                up_to TEXT,
                unit_price TEXT NOT NULL,
                PRIMARY KEY (plan_item_id, position)
            );
            ALTER TABLE tenant_invoice_lines ADD COLUMN days_active INTEGER;
            ALTER TABLE tenant_invoice_lines ADD COLUMN days_in_period INTEGER;
            ALTER TABLE tenant_invoice_lines ADD COLUMN used_quantity TEXT;
            ALTER TABLE tenant_invoice_lines ADD COLUMN included_quantity TEXT;
            ALTER TABLE tenant_invoice_lines ADD COLUMN allowance_quantity TEXT;
            """)
    }
}
