import ArcadiaCore
import DigitalOcean
import Foundation
import MoneyAndTime
import Testing
import TestSupport
import WorkbenchTestSupport
@testable import Workbench

/// `pricebooks:` (files relative to the scenario, or inline) and the revenue timeline actions.
struct ScenarioRevenueParserTests {
    static let header = "scenario: t\nseed: 1\nclock: {start: 2026-04-01, end: 2026-06-01}\n"
    let directory: URL

    init() throws {
        directory = try RepoPaths.temporaryDirectory("revenue-parser")
        // A repository (`.git`): the scenarios' `../pricebooks/` paths stay inside it (`FileConfinement`).
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("pricebooks"), withIntermediateDirectories: true)
        _ = try ScenarioFixtures.write(PriceBookParserTests.minimal, to: directory.appendingPathComponent("pricebooks"), as: "b.yaml")
    }

    func scenarioPath(_ yaml: String) throws -> String {
        try ScenarioFixtures.write(yaml, to: directory.appendingPathComponent("scenarios"), as: "s.yaml")
    }

    func loadError(_ yaml: String) throws -> ScenarioError? {
        let path = try scenarioPath(yaml)
        do {
            _ = try ScenarioParser.load(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func booksComeFromFilesBesideTheScenarioOrInline() throws {
        let scenario = try ScenarioParser.load(path: try scenarioPath(Self.header + """
            pricebooks:
              - ../pricebooks/b.yaml
              - name: may
                effective_from: 2026-05-01
                prorate: false
                plans: [{code: starter, name: Starter, base_price: 35.00}]

            """))
        #expect(scenario.priceBooks.map(\.source) == ["../pricebooks/b.yaml", "inline"])
        #expect(scenario.priceBooks.map(\.book.name) == ["b", "may"])
        #expect(scenario.priceBooks[1].book.plan("starter")?.basePrice == Money(cents: 3_500))
        #expect(scenario.priceBooks[1].location?.line == 6)
    }

    @Test func aMissingFileIsAnErrorAtTheItem() throws {
        let error = try loadError(Self.header + "pricebooks: [../pricebooks/nope.yaml]\n")
        let books = directory.appendingPathComponent("pricebooks/nope.yaml").path
        #expect(error?.field == "pricebooks[0]" && error?.location.line == 4 && error?.location.column == 14)
        #expect(error?.message == "no price book file at '\(books)' (paths are relative to the scenario file)")
    }

    @Test func anErrorInsideABookFilePointsIntoThatFile() throws {
        _ = try ScenarioFixtures.write("name: bad\neffective_from: 2026-01-01\nplans:\n  - {code: a, name: A, base_price: 1}\n  - {code: a, name: B, base_price: 2}\n",
                                       to: directory.appendingPathComponent("pricebooks"), as: "bad.yaml")
        let error = try loadError(Self.header + "pricebooks: [../pricebooks/bad.yaml]\n")
        #expect(error?.description == "\(directory.appendingPathComponent("pricebooks/bad.yaml").path):5:12: plans[1].code: another plan is already coded 'a'")
    }

    @Test func twoBooksEffectiveTheSameDayAreRefused() throws {
        let error = try loadError(Self.header + "pricebooks:\n  - ../pricebooks/b.yaml\n  - {name: other, effective_from: 2026-01-01, plans: [{code: a, name: A, base_price: 1.00}]}\n")
        #expect(error?.field == "pricebooks[1]" && error?.location.line == 6)
        #expect(error?.message == "price book 'other' is effective from 2026-01-01, as is pricebooks[0] ('b'); one book prices a period, so effective dates must differ")
    }

    @Test func pathsResolveTextually() {
        #expect(YAMLNodeReader.resolve("../pricebooks/b.yaml", besides: "scenarios/s.yaml") == "pricebooks/b.yaml")
        #expect(YAMLNodeReader.resolve("b.yaml", besides: "s.yaml") == "b.yaml")
        #expect(YAMLNodeReader.resolve("./x/../b.yaml", besides: "/repo/scenarios/s.yaml") == "/repo/scenarios/b.yaml")
        #expect(YAMLNodeReader.resolve("/abs/b.yaml", besides: "scenarios/s.yaml") == "/abs/b.yaml")
        #expect(YAMLNodeReader.resolve("../../b.yaml", besides: "s.yaml") == "../../b.yaml")
    }

    static let tenants = "tenants: [{code: acme, name: Acme, country: AU}]\n"

    @Test func revenueActionsParse() throws {
        let scenario = try ScenarioParser.parse(yaml: Self.header + Self.tenants + """
            timeline:
              - {at: 2026-05-01T03:10:00Z, rollup_invoices: {period: 2026-04}}
              - {at: 2026-05-01T03:15:00Z, rollup_invoices: {period: 2026-04, force: true}}
              - {at: 2026-05-02T00:00:00Z, invoice_paid: {tenant: acme, period: 2026-04}}
              - {at: 2026-05-03T00:00:00Z, invoice_void: {tenant: acme, period: 2026-04}}

            """, file: "s.yaml")
        let april = BillingPeriod(year: 2026, month: 4)!
        #expect(scenario.timeline.map(\.action) == [
            .rollupInvoices(period: april, force: false), .rollupInvoices(period: april, force: true),
            .invoicePaid(tenant: "acme", period: april), .invoiceVoid(tenant: "acme", period: april),
        ])
    }

    @Test(arguments: [
        ("  - {at: 2026-05-01, invoice_paid: {tenant: acme, period: 2026-4}}\n", 6, 59, "timeline[0].invoice_paid.period",
         "'2026-4' is not a billing month; write it YYYY-MM, e.g. 2026-04"),
        ("  - {at: 2026-05-01, invoice_void: {period: 2026-04}}\n", 6, 36, "timeline[0].invoice_void.tenant", "missing required key 'tenant'"),
        ("  - {at: 2026-05-01, rollup_invoices: {period: 2026-04, force: yes}}\n", 6, 64, "timeline[0].rollup_invoices.force",
         "expected true or false, found 'yes'"),
        ("  - {at: 2026-04-30T23:59:59Z, invoice_paid: {tenant: acme, period: 2026-04}}\n", 6, 69, "timeline[0].invoice_paid.period",
         "2026-04 has not ended at 2026-04-30T23:59:59Z; its invoices are rolled up from 2026-05-01T00:00:00Z (the job runs at 03:00 on the 1st)"),
        ("  - {at: 2026-05-01, invoice_void: {tenant: globex, period: 2026-04}}\n", 6, 45, "timeline[0].invoice_void.tenant",
         "no tenant has code 'globex'; tenants: acme"),
    ])
    func revenueActionErrors(item: String, line: Int, column: Int, field: String, message: String) {
        #expect(ScenarioParserTests.parseError(Self.header + Self.tenants + "timeline:\n" + item)
                == ScenarioError(location: ScenarioLocation(file: "case.yaml", line: line, column: column), field: field, message: message))
    }
}
