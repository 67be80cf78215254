@testable import ArcadiaCore
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
        try Self.derive(ledger, deploymentID: web, hours: hours)
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

    /// A plan change on the 15th: March's 744 derived hours are spread over the line's span, 336 in
    /// the first window (14 days) and 408 in the second (17 days), not all 744 in the first window,
    /// where they overran its prorated allowance and billed a false overage.
    @Test func derivedUsageIsSpreadOverTheWindowsOfAPlanChange() throws {
        let ledger = try Ledger()
        _ = try PriceBookStore(ledger: ledger).write(RevenueFixtures.standardBook(), source: nil)
        let tenant = try RevenueFixtures.tenant(ledger, code: "acme", country: "AU")
        let web = try RevenueFixtures.deployment(ledger, code: "web", tenantID: tenant)
        _ = try RevenueFixtures.subscription(ledger, deploymentID: web, plan: "starter", from: "2026-03-01", to: "2026-03-15")
        _ = try RevenueFixtures.subscription(ledger, deploymentID: web, plan: "starter", addons: ["storage_50gb"], from: "2026-03-15")
        try Self.derive(ledger, deploymentID: web, hours: "744")
        let index = try ledger.read(UsageIndex.load)
        let march15 = Timestamp(year: 2026, month: 3, day: 15)
        #expect(index.usage(deploymentID: web, from: Timestamp(year: 2026, month: 3, day: 1), to: march15) == [.dropletHours: 336])
        #expect(index.usage(deploymentID: web, from: march15, to: Timestamp(year: 2026, month: 4, day: 1)) == [.dropletHours: 408])
        let row = try #require(try Repricer(ledger: ledger).reprice(.init(candidates: [RevenueFixtures.standardBook()])).rows.first)
        // Starter 29.00 over 14/31 and 17/31 of the month (13.10 + 15.90), the 5.00 addon over 17/31 (2.74);
        // each window's hours within its prorated allowance (14/31 and 17/31 of 744: 336 and 408), so no overage:
        // 31.74 + GST 3.17 = 34.91. All 744 hours in the first window overran its 336 by 408 × 0.0125 = 5.10: 40.52.
        #expect(row.requoted?.total == Money(cents: 3_491))
    }

    /// A subscription that starts on the 11th takes the part of the month's line after its start
    /// (21 of 31 days: 504 of 744 hours), where before the line, starting on the 1st, was dropped.
    @Test func aSubscriptionStartingMidMonthTakesItsPartOfTheLine() throws {
        let ledger = try Ledger()
        _ = try PriceBookStore(ledger: ledger).write(RevenueFixtures.standardBook(), source: nil)
        let tenant = try RevenueFixtures.tenant(ledger, code: "acme", country: "AU")
        let web = try RevenueFixtures.deployment(ledger, code: "web", tenantID: tenant)
        _ = try RevenueFixtures.subscription(ledger, deploymentID: web, plan: "starter", from: "2026-03-11")
        try Self.derive(ledger, deploymentID: web, hours: "1000")
        let index = try ledger.read(UsageIndex.load)
        let usage = index.usage(deploymentID: web, from: Timestamp(year: 2026, month: 3, day: 11), to: Timestamp(year: 2026, month: 4, day: 1))
        // 1000 × 21/31 = 677.419354838… hours, half up to millionths.
        #expect(usage == [.dropletHours: Decimal(string: "677.419355")!])
        let rest = index.usage(deploymentID: web, from: Timestamp(year: 2026, month: 3, day: 1), to: Timestamp(year: 2026, month: 3, day: 11))
        #expect(rest == [.dropletHours: Decimal(string: "322.580645")!], "the two parts add up to the line's 1000 exactly")
    }

    /// The latest month imported, its one line ending on the 20th (a droplet destroyed then): the
    /// month was left 'not repriced … imported without --derive-usage?' because no usage reached
    /// its end, until the next month was imported.
    @Test func aDerivedMonthWhoseLinesEndEarlyIsRepriced() throws {
        try Self.derive(ledger, deploymentID: web, hours: "456", end: "2026-03-20T00:00:00Z")
        let report = try Repricer(ledger: ledger).reprice(.init(candidates: [RevenueFixtures.standardBook()]))
        #expect(report.rows.map(\.period.description) == ["2026-03"])
        #expect(report.notRepriced.isEmpty)
    }

    /// A candidate that does not price a kind the tenant used: the usage is left out, and the row
    /// says so as a rollup would (an audit saw 11 GB-months vanish without a word), naming the book
    /// that left it out; the book in effect prices it and says nothing.
    @Test func whatACandidateLeavesOutIsNotedWithItsBook() throws {
        try derive(hours: "1000")
        var book = RevenueFixtures.standardBook(name: "no-hours")
        book.plans[0].items.removeAll { $0.billingKind == "droplet_hours" }
        let report = try Repricer(ledger: ledger).reprice(.init(candidates: [book]))
        let row = try #require(report.rows.first)
        #expect(row.notes.count == 1)
        #expect(row.notes.first?.hasPrefix("'no-hours': ") == true && row.notes.first?.contains("droplet_hours is not priced by the plan") == true,
                "\(row.notes)")
    }

    static func derive(_ ledger: Ledger, deploymentID: Int64, hours: String, end: String = "2026-04-01T00:00:00Z") throws {
        try ledger.writer.write { db in
            try db.execute(sql: """
                INSERT INTO cloud_invoices (invoice_uuid, invoice_id, period, amount_cents, source) VALUES ('csv-2026-03', 'csv-2026-03', '2026-03', 0, 'csv')
                """)
            try db.execute(sql: """
                INSERT INTO usage_records (deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at,
                                           source, cloud_invoice_id, cost_line_no)
                VALUES (?, NULL, 'droplet_hours', '2026-03-01T00:00:00Z', ?, 'invoice', ?, '2026-05-01T00:00:00Z',
                        'do_invoice', ?, 1)
                """, arguments: [deploymentID, end, hours, db.lastInsertedRowID])
        }
    }

    /// April was imported from DO but its usage not derived (a replace without `--derive-usage`):
    /// nothing can reprice it, and the report says so rather than leaving a hole between March
    /// and May without a word.
    @Test func aMonthDOBilledThatNothingRepricesIsListed() throws {
        try derive(hours: "1000")
        try ledger.writer.write { db in
            try db.execute(sql: """
                INSERT INTO cloud_invoices (invoice_uuid, invoice_id, period, amount_cents, source) VALUES ('csv-2026-04', 'csv-2026-04', '2026-04', 600, 'csv')
                """)
        }
        let report = try Repricer(ledger: ledger).reprice(.init(candidates: [RevenueFixtures.standardBook()]))
        #expect(report.rows.map(\.period.description) == ["2026-03"])
        #expect(report.notRepriced.map(\.description) == ["2026-04"])
        let before = try Repricer(ledger: ledger).reprice(.init(candidates: [RevenueFixtures.standardBook()], to: BillingPeriod("2026-03")))
        #expect(before.notRepriced.isEmpty, "outside the range asked for")
    }

    /// A tenant whose deployments DO billed, with no usage of theirs in the ledger (its lines imported
    /// without --derive-usage), was priced on the plan alone without a word, because another tenant's
    /// usage covered the month. Its row now says so.
    @Test func aTenantDOBilledButWithNoUsageIsPricedOnNoneAndSaysSo() throws {
        try derive(hours: "1000")
        let beta = try RevenueFixtures.tenant(ledger, code: "beta", country: "AU")
        let blog = try RevenueFixtures.deployment(ledger, code: "blog", tenantID: beta)
        _ = try RevenueFixtures.subscription(ledger, deploymentID: blog, plan: "starter", from: "2026-03-01")
        try ledger.writer.write { db in
            let project = try String.fetchOne(db, sql: "SELECT project_name FROM deployments WHERE id = ?", arguments: [blog])
            try db.execute(sql: """
                INSERT INTO cloud_cost_lines (cloud_invoice_id, line_no, product, description, start_at, end_at, amount_cents, project_name, kind,
                                              match_status, unmatched_reason)
                VALUES ((SELECT id FROM cloud_invoices WHERE period = '2026-03'), 2, 'Droplets', 'blog-1 (s-1vcpu-1gb)',
                        '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 1200, ?, 'droplet', 'unmatched', 'not in inventory')
                """, arguments: [project])
        }
        let rows = try Repricer(ledger: ledger).reprice(.init(candidates: [RevenueFixtures.standardBook()])).rows
        let betaRow = try #require(rows.first { $0.tenant == "beta" })
        #expect(betaRow.cost == Money(cents: 1_200))
        #expect(betaRow.finding == "DigitalOcean billed 12.00 for its deployments, but the ledger holds no usage of theirs this month "
                    + "(imported without --derive-usage?), so it is priced on none")
        #expect(rows.first { $0.tenant == "acme" }?.finding == nil, "acme has its usage")
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
