import ArcadiaCore
import DigitalOcean
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Workbench

/// The revenue jobs and events played by the simulator. Tenancy rows are written into the ledger
/// file before the run (the scenario language for tenants belongs to the metering work); usage is
/// `.unmetered` until metering's source is wired in, so invoices carry base and addon lines.
struct RevenueSimulationTests {
    static let yaml = """
        scenario: revenue-wiring
        seed: 3
        clock: {start: 2026-04-28T00:00:00Z, end: 2026-05-03T00:00:00Z}
        pricebooks:
          - name: test-book
            effective_from: 2026-01-01
            tax_rates: [{country: AU, label: GST, rate: 10%}]
            plans: [{code: starter, name: Starter, base_price: 29.00}]
            addons: [{code: backups, name: Backups, monthly_price: 3.50}]
        timeline:
          - {at: 2026-05-01T03:10:00Z, rollup_invoices: {period: 2026-04}}
          - {at: 2026-05-01T03:15:00Z, rollup_invoices: {period: 2026-04, force: true}}
          - {at: 2026-05-02T10:00:00Z, invoice_paid: {tenant: acme, period: 2026-04}}

        """

    /// A ledger file holding tenant `acme` (AU) with deployment `web` on starter + backups from the 11th of April.
    func ledgerPath() throws -> String {
        let path = try RepoPaths.temporaryDirectory("revenue-sim").appendingPathComponent("ledger.sqlite").path
        let ledger = try Ledger(path: path)
        let tenant = try RevenueFixtures.tenant(ledger, code: "acme")
        let web = try RevenueFixtures.deployment(ledger, code: "web", tenantID: tenant)
        try RevenueFixtures.subscription(ledger, deploymentID: web, plan: "starter", addons: ["backups"], from: "2026-04-11T09:00:00Z")
        return path
    }

    @Test func theRollupJobAndTheOperatorEventsDriveTheInvoiceThroughItsLife() async throws {
        let scenario = try ScenarioParser.parse(yaml: Self.yaml, file: "revenue-wiring.yaml")
        let result = try await Simulator(options: .init(ledgerPath: try ledgerPath())).run(scenario)
        let invoice = try #require(try await result.ledger.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT status, subtotal_cents, tax_cents, total_cents, created_at, issued_at, paid_at FROM tenant_invoices")
        })
        // 20 days of April: 2900 × 20/30 = 1933.33 → 1933; 350 × 20/30 = 233.33 → 233; GST 216.6 → 217.
        #expect(invoice["status"] as String? == "paid")
        let totals: [Int] = [invoice["subtotal_cents"], invoice["tax_cents"], invoice["total_cents"]]
        #expect(totals == [2_166, 217, 2_383])
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
        let scenario = try ScenarioParser.parse(yaml: Self.yaml, file: "revenue-wiring.yaml")
        let files = try LedgerExport.export(try await Simulator(options: .init(ledgerPath: try ledgerPath())).run(scenario).ledger)
        let rendering = try #require(files.first { $0.name == "tenant_invoices/acme-2026-04.txt" })
        #expect(rendering.content == """
            Tenant invoice acme 2026-04
            Tenant:     Tenant acme (acme), AU
            Period:     2026-04-01 to 2026-04-30, 30 days
            Price book: test-book (effective 2026-01-01)

            ============================================================
            Status:     paid (USD)
            Created:    2026-05-01T03:15:00Z
            Issued:     2026-05-01T03:30:00Z
            Paid:       2026-05-02T10:00:00Z
            Billed:     web: starter + backups, 2026-04-11T09:00:00Z … (open)

            #  deployment  type       description       quantity  unit price  amount
            1  web         plan_base  Plan: starter   20/30 days       29.00   19.33
            2  web         addon      Addon: backups  20/30 days        3.50    2.33
            3              tax        GST 10%              21.66         10%    2.17
                                                                    Subtotal   21.66
                                                                         Tax    2.17
                                                                       Total   23.83

            """)
        let lines = try #require(files.first { $0.name == "tenant_invoice_lines.tsv" })
        #expect(lines.content.split(separator: "\n").dropFirst().first
                == "2026-04\tacme\tpaid\t2026-05-01T03:15:00Z\t1\tplan_base\tweb\tstarter from 2026-04-11T09:00:00Z\t\tPlan: starter\t20\t29\t1933")
        let headers = try #require(files.first { $0.name == "tenant_invoices.tsv" })
        #expect(headers.content == """
            period\ttenant\tstatus\tcurrency\tsubtotal_cents\ttax_cents\ttotal_cents\tlines\tcreated_at\tissued_at\tpaid_at\tvoided_at
            2026-04\tacme\tpaid\tUSD\t2166\t217\t2383\t3\t2026-05-01T03:15:00Z\t2026-05-01T03:30:00Z\t2026-05-02T10:00:00Z\t

            """)
    }

    @Test func anInvoiceEventWithoutItsInvoiceStopsTheRunAtTheEvent() async throws {
        let yaml = Self.yaml.replacingOccurrences(of: "2026-05-02T10:00:00Z, invoice_paid", with: "2026-05-01T02:00:00Z, invoice_paid")
        let scenario = try ScenarioParser.parse(yaml: yaml, file: "revenue-wiring.yaml")
        await #expect(throws: SimulationError(location: ScenarioLocation(file: "revenue-wiring.yaml", line: 13, column: 5),
                                              message: "invoice_paid: tenant 'acme' has no 2026-04 invoice (other than void ones)")) {
            _ = try await Simulator(options: .init(ledgerPath: try ledgerPath())).run(scenario)
        }
    }

    @Test func withoutTenantsTheRevenueJobsRunQuietly() async throws {
        let scenario = try ScenarioParser.parse(yaml: Self.yaml.components(separatedBy: "timeline:")[0], file: "revenue-wiring.yaml")
        let result = try await Simulator().run(scenario)
        #expect(result.summary.revenue.rollups == 1 && result.summary.revenue.messages.isEmpty)
        #expect(ConsoleReport.revenueCounts(result.summary) == "")
    }
}
