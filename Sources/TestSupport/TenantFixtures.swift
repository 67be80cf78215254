import ArcadiaCore
import GRDB

/// Tenants, deployments, subscriptions and tenant invoices written straight into the v4-revenue
/// tables, for the project-attribution scenario's projects. Stand-in data until the month-end
/// rollup exists to produce invoices: the columns are the contract in `docs/ledgers.md`.
///
/// - `pilot` (AU) owns deployments `pilot-prod` (project pilot-prod) and `pilot-staging` (pilot-staging);
/// - `archive` (US) owns `archive-main` (project pilot-archive);
/// - nobody owns the Default project.
public enum TenantFixtures {
    public struct Invoices: Sendable {
        /// pilot, 2026-04, issued: two plans, an addon, an overage and GST. 4,415 + 442 = 4,857 cents.
        public var pilotApril: Int64
        /// pilot, 2026-05, draft: two plans and GST. 3,900 + 390 = 4,290 cents.
        public var pilotMay: Int64
        /// archive, 2026-04, paid: one plan, no tax. 500 cents.
        public var archiveApril: Int64
    }

    @discardableResult
    public static func install(in ledger: Ledger) throws -> Invoices {
        try ledger.writer.write { db in
            let pilot = try insert(db, "INSERT INTO tenants (code, name, country) VALUES ('pilot', 'Pilot Pty Ltd', 'AU')")
            let archive = try insert(db, "INSERT INTO tenants (code, name, country) VALUES ('archive', 'Archive Co', 'US')")
            let prod = try deployment(db, code: "pilot-prod", tenant: pilot, project: "pilot-prod")
            let staging = try deployment(db, code: "pilot-staging", tenant: pilot, project: "pilot-staging")
            let archived = try deployment(db, code: "archive-main", tenant: archive, project: "pilot-archive")
            let starter = try subscription(db, deployment: prod, plan: "starter")
            let dev = try subscription(db, deployment: staging, plan: "dev")
            let cold = try subscription(db, deployment: archived, plan: "cold")

            let april = try invoice(db, tenant: pilot, period: "2026-04", subtotal: 4_415, tax: 442, status: "issued",
                                    createdAt: "2026-05-01T03:00:00Z", issuedAt: "2026-05-01T03:00:00Z", paidAt: nil)
            try line(db, april, 1, "plan_base", prod, starter, nil, "Plan: starter", "1", "29.00", 2_900)
            try line(db, april, 2, "addon", prod, starter, nil, "Addon: storage_50gb", "1", "5.00", 500)
            try line(db, april, 3, "overage", prod, starter, "droplet_hours", "Overage: droplet_hours", "12.5", "0.012", 15)
            try line(db, april, 4, "plan_base", staging, dev, nil, "Plan: dev", "1", "10.00", 1_000)
            try line(db, april, 5, "tax", nil, nil, nil, "GST (10%)", "44.15", "0.10", 442)

            let may = try invoice(db, tenant: pilot, period: "2026-05", subtotal: 3_900, tax: 390, status: "draft",
                                  createdAt: "2026-06-01T03:00:00Z", issuedAt: nil, paidAt: nil)
            try line(db, may, 1, "plan_base", prod, starter, nil, "Plan: starter", "1", "29.00", 2_900)
            try line(db, may, 2, "plan_base", staging, dev, nil, "Plan: dev", "1", "10.00", 1_000)
            try line(db, may, 3, "tax", nil, nil, nil, "GST (10%)", "39.00", "0.10", 390)

            let archiveApril = try invoice(db, tenant: archive, period: "2026-04", subtotal: 500, tax: 0, status: "paid",
                                           createdAt: "2026-05-01T03:00:00Z", issuedAt: "2026-05-01T03:00:00Z", paidAt: "2026-05-03T09:30:00Z")
            try line(db, archiveApril, 1, "plan_base", archived, cold, nil, "Plan: cold", "1", "5.00", 500)
            return Invoices(pilotApril: april, pilotMay: may, archiveApril: archiveApril)
        }
    }

    private static func insert(_ db: Database, _ sql: String, _ arguments: StatementArguments = []) throws -> Int64 {
        try db.execute(sql: sql, arguments: arguments)
        return db.lastInsertedRowID
    }

    private static func deployment(_ db: Database, code: String, tenant: Int64, project: String) throws -> Int64 {
        try insert(db, "INSERT INTO deployments (code, tenant_id, name, project_name) VALUES (?, ?, ?, ?)", [code, tenant, code, project])
    }

    private static func subscription(_ db: Database, deployment: Int64, plan: String) throws -> Int64 {
        try insert(db, "INSERT INTO subscriptions (deployment_id, plan_code, started_at) VALUES (?, ?, '2026-04-01T00:00:00Z')",
                   [deployment, plan])
    }

    private static func invoice(_ db: Database, tenant: Int64, period: String, subtotal: Int64, tax: Int64, status: String,
                                createdAt: String, issuedAt: String?, paidAt: String?) throws -> Int64 {
        try insert(db, """
            INSERT INTO tenant_invoices (tenant_id, period, subtotal_cents, tax_cents, total_cents, status, created_at, issued_at, paid_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [tenant, period, subtotal, tax, subtotal + tax, status, createdAt, issuedAt, paidAt])
    }

    private static func line(_ db: Database, _ invoice: Int64, _ lineNo: Int, _ type: String, _ deployment: Int64?,
                             _ subscription: Int64?, _ kind: String?, _ description: String, _ quantity: String,
                             _ unitPrice: String, _ cents: Int64) throws {
        try db.execute(sql: """
            INSERT INTO tenant_invoice_lines (invoice_id, line_no, line_type, deployment_id, subscription_id, resource_kind,
                description, quantity, unit_price, amount_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [invoice, lineNo, type, deployment, subscription, kind, description, quantity, unitPrice, cents])
    }
}
