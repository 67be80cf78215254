import ArcadiaCore
import CoreTestSupport
import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime
import Testing

/// Repricing history that was imported, not metered: usage derived from invoice lines prices a
/// month nobody invoiced, and never adds to metered usage of the same window.
struct RepricerTests {
    let ledger: Ledger
    let web: Int64

    init() throws {
        ledger = try Ledger()
        _ = try PriceBookStore(ledger: ledger).write(RevenueFixtures.standardBook(), source: nil)
        let tenant = try RevenueFixtures.tenant(ledger, code: "acme", country: "AU")
        web = try RevenueFixtures.deployment(ledger, code: "web", tenantID: tenant)
        try RevenueFixtures.subscription(ledger, deploymentID: web, plan: "starter", addons: [], from: "2026-03-01")
    }

    /// One derived record spanning March (what `import do-invoice --derive-usage` writes).
    func derive(hours: String) throws {
        try ledger.writer.write { db in
            try db.execute(sql: """
                INSERT INTO cloud_invoices (invoice_uuid, invoice_id, period, amount_cents, source) VALUES ('csv-2026-03', 'csv-2026-03', '2026-03', 0, 'csv')
                """)
            try db.execute(sql: """
                INSERT INTO usage_records (deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at,
                                           source, cloud_invoice_id, cost_line_no)
                VALUES (?, NULL, 'droplet_hours', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'invoice', ?, '2026-05-01T00:00:00Z',
                        'do_invoice', ?, 1)
                """, arguments: [web, hours, db.lastInsertedRowID])
        }
    }

    @Test func derivedUsagePricesAMonthNobodyInvoiced() throws {
        try derive(hours: "1000")
        let report = try Repricer(ledger: ledger).reprice(.init(candidates: [RevenueFixtures.standardBook(starterCents: 3_200)]))
        #expect(report.rows.count == 1)
        let row = try #require(report.rows.first)
        #expect(row.invoiced == nil && row.period.description == "2026-03")
        // In effect: 29.00 + 256 h over 744 × 0.0125 = 3.20 → 32.20 + GST 3.22 = 35.42; the candidate's base is 32.00: 38.72.
        #expect(row.requoted?.total == Money(cents: 3_542))
        #expect(row.candidates.first?.figures?.total == Money(cents: 3_872))
        #expect(row.delta(0) == Money(cents: 330))
    }

    @Test func meteredUsageWinsOverDerivedUsageOfTheSameWindow() throws {
        try derive(hours: "1000")
        try ledger.writer.write { db in
            try db.execute(sql: """
                INSERT INTO cloud_resources (kind, provider_id, name, status, first_seen_at, last_changed_at)
                VALUES ('droplet', '1', 'web-1', 'active', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')
                """)
            let resource = db.lastInsertedRowID
            for day in 1...31 {
                let start = Timestamp(year: 2026, month: 3, day: day)
                try db.execute(sql: """
                    INSERT INTO usage_records (deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at)
                    VALUES (?, ?, 'droplet_hours', ?, ?, 'daily', '24', ?)
                    """, arguments: [web, resource, start, start + 86_400, start + 90_000])
            }
        }
        let row = try #require(try Repricer(ledger: ledger).reprice(.init(candidates: [RevenueFixtures.standardBook()])).rows.first)
        // 31 × 24 = 744 metered hours: within the allowance, so 29.00 + GST = 31.90 (not 1744 hours).
        #expect(row.requoted?.total == Money(cents: 3_190))
    }
}
