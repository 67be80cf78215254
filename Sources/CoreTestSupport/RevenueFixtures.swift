import ArcadiaCore
import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// Price books and tenancy rows for revenue tests. Tenants, deployments and subscriptions are
/// written with plain SQL against the `v4-revenue` schema: the rollup reads those tables, whoever
/// fills them.
public enum RevenueFixtures {
    public static func decimal(_ text: String) -> Decimal { DecimalText.parse(text)! }

    public static func time(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    /// `starter`: $29.00 with 744 droplet hours ($0.0125 an hour over) and 250 GB of Spaces ($0.02
    /// a GB-month over); `pro`: $99.00 with 2232 droplet hours ($0.01 over). Addons:
    /// `storage_50gb` ($5.00, +50 GB of Spaces), `backups` ($3.50). AU pays GST 10 %.
    public static func standardBook(name: String = "standard-2026", effectiveFrom: String = "2026-01-01", prorate: Bool = true,
                                    starterCents: Int = 2_900) -> PriceBook {
        PriceBook(
            name: name, effectiveFrom: time(effectiveFrom), prorate: prorate,
            taxRates: [TaxRate(country: "AU", label: "GST", rate: decimal("0.1"))],
            plans: [
                Plan(code: "starter", name: "Starter", basePrice: Money(cents: starterCents), items: [
                    PlanItem(billingKind: "droplet_hours", includedQuantity: 744, overageUnitPrice: decimal("0.0125")),
                    PlanItem(billingKind: "spaces_gb_month", includedQuantity: 250, overageUnitPrice: decimal("0.02")),
                ]),
                Plan(code: "pro", name: "Pro", basePrice: Money(cents: 9_900), items: [
                    PlanItem(billingKind: "droplet_hours", includedQuantity: 2_232, overageUnitPrice: decimal("0.01")),
                ]),
            ],
            addons: [
                Addon(code: "storage_50gb", name: "Storage 50 GB", monthlyPrice: Money(cents: 500),
                      allowance: .init(billingKind: "spaces_gb_month", quantity: 50)),
                Addon(code: "backups", name: "Backups", monthlyPrice: Money(cents: 350)),
            ])
    }

    @discardableResult
    public static func tenant(_ ledger: Ledger, code: String, country: String = "AU") throws -> Int64 {
        try ledger.writer.write { db in
            try db.execute(sql: "INSERT INTO tenants (code, name, country) VALUES (?, ?, ?)", arguments: [code, "Tenant \(code)", country])
            return db.lastInsertedRowID
        }
    }

    @discardableResult
    public static func deployment(_ ledger: Ledger, code: String, tenantID: Int64) throws -> Int64 {
        try ledger.writer.write { db in
            try db.execute(sql: "INSERT INTO deployments (code, tenant_id, name, project_name) VALUES (?, ?, ?, ?)",
                           arguments: [code, tenantID, code, "\(code)-project"])
            return db.lastInsertedRowID
        }
    }

    @discardableResult
    public static func subscription(_ ledger: Ledger, deploymentID: Int64, plan: String, addons: [String] = [],
                                    from: String, to: String? = nil) throws -> Int64 {
        try ledger.writer.write { db in
            try db.execute(sql: "INSERT INTO subscriptions (deployment_id, plan_code, started_at, ended_at) VALUES (?, ?, ?, ?)",
                           arguments: [deploymentID, plan, time(from).iso8601, to.map { time($0).iso8601 }])
            let id = db.lastInsertedRowID
            for addon in addons {
                try db.execute(sql: "INSERT INTO subscription_addons (subscription_id, addon_code) VALUES (?, ?)", arguments: [id, addon])
            }
            return id
        }
    }
}
