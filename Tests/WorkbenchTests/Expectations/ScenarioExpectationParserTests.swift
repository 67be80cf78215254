import ArcadiaCore
import Foundation
import MoneyAndTime
import Testing
@testable import Workbench

/// `expect:` as written: every kind reads into its check and writes back the same, and a wrong
/// expectation is a scenario error at its field's line and column.
struct ScenarioExpectationParserTests {
    /// Ten lines; `expect:` items start on line 12.
    static let header = """
        scenario: t
        seed: 1
        clock: {start: 2026-04-01, end: 2026-05-02}
        world:
          projects: [{name: p}]
        tenants: [{code: acme, name: Acme, country: AU}]
        deployments: [{code: web, tenant: acme, name: Web, project: p}]
        pricebooks:
          - {name: b, effective_from: 2026-01-01, plans: [{code: starter, name: Starter, base_price: 29.00}]}
        timeline: [{at: 2026-04-01, subscribe: {deployment: web, plan: starter}}]
        expect:

        """

    func parse(_ items: String) throws(ScenarioError) -> Scenario {
        try ScenarioParser.parse(yaml: Self.header + items, file: "s.yaml")
    }

    func error(_ items: String) -> ScenarioError? {
        do {
            _ = try parse(items)
            return nil
        } catch {
            return error
        }
    }

    @Test func everyKindReadsAndWritesBackTheSame() throws {
        let scenario = try parse("""
              - tenant_invoice: {tenant: acme, period: 2026-04, status: issued, subtotal: 64.22, tax: 6.42, total: 70.64}
              - invoice_line: {tenant: acme, period: 2026-04, line: 2, amount: 7.06, quantity: 642}
              - usage: {deployment: web, period: 2026-04, billing_kind: droplet_hours, quantity: 2160.5}
              - resource: {kind: droplet, name: web-1, status: active, stale_at: 2026-04-06T16:45:00Z}
              - open_drifts: {count: 0}
              - do_invoice: {period: 2026-04, total: 108.00, match_rate: 83.3%}

            """)
        #expect(scenario.expectations.map(\.check) == [
            .tenantInvoice(tenant: "acme", period: BillingPeriod("2026-04")!, status: .issued, subtotal: Money(cents: 6_422),
                           tax: Money(cents: 642), total: Money(cents: 7_064)),
            .invoiceLine(tenant: "acme", period: BillingPeriod("2026-04")!, line: 2, amount: Money(cents: 706), quantity: 642),
            .usage(deployment: "web", period: BillingPeriod("2026-04")!, billingKind: .dropletHours, quantity: Decimal(string: "2160.5")!),
            .resource(kind: .droplet, name: "web-1", status: "active", staleAt: Timestamp(year: 2026, month: 4, day: 6, hour: 16, minute: 45)),
            .openDrifts(count: 0),
            .doInvoice(period: BillingPeriod("2026-04")!, total: Money(cents: 10_800), matchRate: "83.3%"),
        ])
        #expect(scenario.expectations.map { $0.location?.line } == [12, 13, 14, 15, 16, 17])
        let written = ScenarioWriter.yaml(scenario)
        #expect(written.contains("  - tenant_invoice: {tenant: acme, period: 2026-04, status: issued, subtotal: 64.22, tax: 6.42, total: 70.64}\n"))
        let again = try ScenarioParser.parse(yaml: written, file: "again.yaml")
        #expect(again.withoutLocations() == scenario.withoutLocations())
    }

    @Test func anUnknownTenantIsAnErrorAtItsValue() {
        let error = error("  - tenant_invoice: {tenant: globex, period: 2026-04, total: 1.00}\n")
        #expect(error?.description == "s.yaml:12:30: expect[0].tenant_invoice.tenant: no tenant has code 'globex'; tenants: acme")
    }

    @Test func anUnknownDeploymentIsAnErrorAtItsValue() {
        let error = error("  - usage: {deployment: api, period: 2026-04, billing_kind: droplet_hours, quantity: 1}\n")
        #expect(error?.description == "s.yaml:12:25: expect[0].usage.deployment: no deployment has code 'api'; deployments: web")
    }

    @Test func aMonthTheClockNeverEndsIsAnErrorAtThePeriod() {
        let invoice = error("  - invoice_line: {tenant: acme, period: 2026-05, line: 1, amount: 1.00}\n")
        #expect(invoice?.description == "s.yaml:12:42: expect[0].invoice_line.period: the clock (2026-04-01T00:00:00Z ..< 2026-05-02T00:00:00Z) "
            + "never reaches the end of 2026-05, after which its invoices are rolled up")
        let usage = error("  - usage: {deployment: web, period: 2026-07, billing_kind: droplet_hours, quantity: 1}\n")
        #expect(usage?.field == "expect[0].usage.period" && usage?.location.line == 12)
        let doInvoice = error("  - do_invoice: {period: 2026-03, total: 1.00}\n")
        #expect(doInvoice?.field == "expect[0].do_invoice.period")
    }

    /// The month has ended, but the clock stops before the 03:00 rollup: the scenario used to play
    /// to its end and then fail for want of an invoice. A rollup_invoices action before the end
    /// makes the invoice.
    @Test func anInvoiceNoRollupMakesBeforeTheClockEndsIsAnErrorAtThePeriod() throws {
        let early = Self.header.replacingOccurrences(of: "end: 2026-05-02", with: "end: 2026-05-01T03:00:00Z")
        let item = "  - tenant_invoice: {tenant: acme, period: 2026-04, status: draft}\n"
        #expect(throws: ScenarioError.self) { try ScenarioParser.parse(yaml: early + item, file: "s.yaml") }
        do {
            _ = try ScenarioParser.parse(yaml: early + item, file: "s.yaml")
        } catch {
            #expect(error.description == "s.yaml:12:44: expect[0].tenant_invoice.period: no rollup of 2026-04 runs before the clock ends at "
                + "2026-05-01T03:00:00Z: the revenue.rollup job runs at 2026-05-01T03:00:00Z; end the clock after it, or add a rollup_invoices action")
        }
        let asked = early.replacingOccurrences(of: "timeline: [{at: 2026-04-01, subscribe: {deployment: web, plan: starter}}]",
                                               with: "timeline: [{at: 2026-04-01, subscribe: {deployment: web, plan: starter}}, "
                                                   + "{at: 2026-05-01T01:00:00Z, rollup_invoices: {period: 2026-04}}]")
        #expect(try ScenarioParser.parse(yaml: asked + item, file: "s.yaml").expectations.count == 1)
    }

    @Test func anItemChecksExactlyOneThingAndStatesSomething() {
        let two = error("  - {open_drifts: {count: 0}, usage: {deployment: web, period: 2026-04, billing_kind: droplet_hours, quantity: 1}}\n")
        #expect(two?.description == "s.yaml:12:31: expect[0]: has more than one check (open_drifts, usage); write one item per check")
        let none = error("  - tenant_invoice: {tenant: acme, period: 2026-04}\n")
        #expect(none?.description == "s.yaml:12:21: expect[0].tenant_invoice: states nothing to check; add at least one of status, subtotal, tax, total")
        let empty = error("  - {}\n")
        #expect(empty?.message.hasPrefix("has no check; add exactly one of: tenant_invoice, invoice_line") == true)
    }

    @Test func figuresAreInTheScenariosUnits() {
        let cents = error("  - tenant_invoice: {tenant: acme, period: 2026-04, total: 70.645}\n")
        #expect(cents?.field == "expect[0].tenant_invoice.total" && cents?.location.column == 60)
        let rate = error("  - do_invoice: {period: 2026-04, match_rate: 100%}\n")
        #expect(rate?.message == "'100%' is not a match rate with one decimal, e.g. 100.0% or 83.3%")
        let status = error("  - tenant_invoice: {tenant: acme, period: 2026-04, status: sent}\n")
        #expect(status?.message == "must be one of draft, issued, paid, void; found 'sent'")
    }
}
