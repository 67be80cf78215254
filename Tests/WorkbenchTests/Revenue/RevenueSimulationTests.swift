import ArcadiaCore
import DigitalOcean
import Foundation
import GRDB
import Testing
@testable import Workbench

/// The revenue jobs and events played by the simulator: tenant `acme` (AU) subscribes deployment
/// `web` to starter + backups at 09:00 on the 21st of April; its project holds nothing, so metering
/// records no usage and the invoice is base, addon and tax.
struct RevenueSimulationTests {
    static let yaml = """
        scenario: revenue-wiring
        seed: 3
        clock: {start: 2026-04-21T00:00:00Z, end: 2026-05-03T00:00:00Z}
        world:
          projects: [{name: acme-web}]
        tenants: [{code: acme, name: Acme Pty Ltd, country: AU}]
        deployments: [{code: web, tenant: acme, name: Acme web, project: acme-web}]
        pricebooks:
          - name: test-book
            effective_from: 2026-01-01
            tax_rates: [{country: AU, label: GST, rate: 10%}]
            plans: [{code: starter, name: Starter, base_price: 29.00}]
            addons: [{code: backups, name: Backups, monthly_price: 3.50}]
        timeline:
          - {at: 2026-04-21T09:00:00Z, subscribe: {deployment: web, plan: starter, addons: [backups]}}
          - {at: 2026-05-01T03:10:00Z, rollup_invoices: {period: 2026-04}}
          - {at: 2026-05-01T03:15:00Z, rollup_invoices: {period: 2026-04, force: true}}
          - {at: 2026-05-02T10:00:00Z, invoice_paid: {tenant: acme, period: 2026-04}}

        """

    func run(_ yaml: String = yaml) async throws -> Simulator.Result {
        try await Simulator().run(try ScenarioParser.parse(yaml: yaml, file: "revenue-wiring.yaml"))
    }

    @Test func theRollupJobAndTheOperatorEventsDriveTheInvoiceThroughItsLife() async throws {
        let result = try await run()
        let invoice = try #require(try await result.ledger.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT status, subtotal_cents, tax_cents, total_cents, created_at, issued_at, paid_at FROM tenant_invoices")
        })
        // 10 days of April (the 21st to the 30th): 2900 × 10/30 = 966.67 → 967; 350 × 10/30 = 116.67 → 117;
        // subtotal 1084; GST 108.4 → 108.
        #expect(invoice["status"] as String? == "paid")
        let totals: [Int] = [invoice["subtotal_cents"], invoice["tax_cents"], invoice["total_cents"]]
        #expect(totals == [1_084, 108, 1_192])
        let times: [String?] = [invoice["created_at"], invoice["issued_at"], invoice["paid_at"]]
        #expect(times == ["2026-05-01T03:15:00Z", "2026-05-01T03:30:00Z", "2026-05-02T10:00:00Z"],
                "the forced re-run rebuilt the 03:00 draft; the 03:30 run issued it")
        let revenue = result.summary.revenue
        let counts: [Int] = [revenue.rollups, revenue.invoicesCreated, revenue.invoicesRebuilt, revenue.invoicesIssued]
        #expect(counts == [3, 1, 1, 1])
        #expect(revenue.messages == ["2026-04 acme: skipped: invoice 1 already exists (draft); force rebuilds a draft"])
        let source = try await result.ledger.writer.read { try String.fetchOne($0, sql: "SELECT source FROM price_books") }
        #expect(source == "inline")
        #expect(ConsoleReport.revenueCounts(result.summary) == "; revenue: 1 invoice created, 1 rebuilt, 1 issued")
    }

    @Test func theGoldensRenderTheInvoiceForPeople() async throws {
        let files = try LedgerExport.export(try await run().ledger)
        let rendering = try #require(files.first { $0.name == "tenant_invoices/acme-2026-04.txt" })
        #expect(rendering.content == """
            Tenant invoice acme 2026-04
            Tenant:     Acme Pty Ltd (acme), AU
            Period:     2026-04-01 to 2026-04-30, 30 days
            Price book: test-book (effective 2026-01-01)

            ============================================================
            Status:     paid (USD)
            Created:    2026-05-01T03:15:00Z
            Issued:     2026-05-01T03:30:00Z
            Paid:       2026-05-02T10:00:00Z
            Billed:     web: starter + backups, 2026-04-21T09:00:00Z … (open)

            #  deployment  type       description       quantity  unit price  amount
            1  web         plan_base  Plan: starter   10/30 days       29.00    9.67
            2  web         addon      Addon: backups  10/30 days        3.50    1.17
            3              tax        GST 10%              10.84         10%    1.08
                                                                    Subtotal   10.84
                                                                         Tax    1.08
                                                                       Total   11.92

            """)
        let lines = try #require(files.first { $0.name == "tenant_invoice_lines.tsv" })
        #expect(lines.content.split(separator: "\n").dropFirst().first
                == "2026-04\tacme\tpaid\t2026-05-01T03:15:00Z\t1\tplan_base\tweb\tstarter from 2026-04-21T09:00:00Z\t\tPlan: starter\t10\t29\t967\t10\t30\t\t\t")
        let headers = try #require(files.first { $0.name == "tenant_invoices.tsv" })
        #expect(headers.content == """
            period\ttenant\tstatus\tcurrency\tsubtotal_cents\ttax_cents\ttotal_cents\tlines\tcreated_at\tissued_at\tpaid_at\tvoided_at
            2026-04\tacme\tpaid\tUSD\t1084\t108\t1192\t3\t2026-05-01T03:15:00Z\t2026-05-01T03:30:00Z\t2026-05-02T10:00:00Z\t

            """)
    }

    @Test func anInvoiceEventWithoutItsInvoiceStopsTheRunAtTheEvent() async throws {
        let yaml = Self.yaml.replacingOccurrences(of: "2026-05-02T10:00:00Z, invoice_paid", with: "2026-05-01T02:00:00Z, invoice_paid")
        await #expect(throws: SimulationError(location: ScenarioLocation(file: "revenue-wiring.yaml", line: 18, column: 5),
                                              field: "timeline[3].invoice_paid",
                                              message: "at 2026-05-01T02:00:00Z, tenant 'acme' has no 2026-04 invoice (other than void ones)")) {
            _ = try await run(yaml)
        }
    }

    @Test func withoutSubscriptionsTheRevenueJobsRunQuietly() async throws {
        let result = try await run(Self.yaml.components(separatedBy: "timeline:")[0])
        #expect(result.summary.revenue.rollups == 1 && result.summary.revenue.messages.isEmpty)
        #expect(ConsoleReport.revenueCounts(result.summary) == "")
    }
}
