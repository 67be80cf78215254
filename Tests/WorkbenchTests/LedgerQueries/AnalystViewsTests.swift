import ArcadiaCore
import Foundation
import GRDB
import Testing
import WorkbenchTestSupport

/// The analyst views sum as numbers (stored decimals are text) and agree with the exact cents.
struct AnalystViewsTests {
    @Test func viewsGiveNumbersThatSumToTheExactFigures() async throws {
        let ledger = try Ledger(path: try await ScenarioLedgers.copy(of: "revenue-month-end"))
        try await ledger.writer.read { db in
            // tenant_invoices.tsv: acme 154.07, globex 19.33.
            let totals = try Row.fetchAll(db, sql: "SELECT tenant, typeof(total) AS type, total, total_cents FROM invoice_totals_by_tenant_month ORDER BY tenant")
            #expect(totals.map { $0["tenant"] as String } == ["acme", "globex"])
            #expect(totals.allSatisfy { ($0["type"] as String) == "real" })
            #expect(totals.map { $0["total_cents"] as Int } == [15_407, 1_933])
            #expect(try Double.fetchOne(db, sql: "SELECT ROUND(SUM(total), 2) FROM invoice_totals_by_tenant_month") == 173.4)
            #expect(try Int.fetchOne(db, sql: "SELECT SUM(total_cents) FROM invoice_totals_by_tenant_month") == 17_340, "cents sum exactly")
            // usage.tsv: acme-api's droplet hours in April sum to 2874 (the overage line's "2874 used").
            let hours = try Row.fetchOne(db, sql: """
                SELECT typeof(quantity) AS type, quantity FROM usage_by_deployment_kind_month
                WHERE deployment = 'acme-api' AND period = '2026-04' AND billing_kind = 'droplet_hours'
                """)
            #expect(hours?["type"] as String? == "real" && hours?["quantity"] as Double? == 2_874)
            let margin = try Row.fetchAll(db, sql: "SELECT deployment, cost_cents, revenue_cents, margin FROM margin_by_deployment_month ORDER BY deployment")
            #expect(margin.map { $0["revenue_cents"] as Int } == [10_606, 3_400, 1_933])
            #expect(margin.map { $0["margin"] as Double } == [10.06, 28, 13.33])
        }
    }
}
