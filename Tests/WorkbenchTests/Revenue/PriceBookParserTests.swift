import ArcadiaCore
import CoreTestSupport
import DigitalOcean
import Foundation
import MoneyAndTime
import Testing
import TestSupport
@testable import Workbench

/// Price book YAML: the shipped book, and every rule with the line and column of its error.
struct PriceBookParserTests {
    static let minimal = """
        name: b
        effective_from: 2026-01-01
        plans:
          - {code: starter, name: Starter, base_price: 29.00, items: [{billing_kind: droplet_hours, included: 744, overage: 0.0125}]}

        """

    func parseError(_ yaml: String) -> ScenarioError? {
        do {
            _ = try PriceBookParser.parse(yaml: yaml, file: "book.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func theShippedBookParsesExactly() throws {
        let book = try PriceBookParser.load(path: RepoPaths.root().appendingPathComponent("pricebooks/standard-2026.yaml").path)
        #expect(book.name == "standard-2026" && book.effectiveFrom == RevenueFixtures.time("2026-01-01") && book.prorate)
        #expect(book.taxRates == [TaxRate(country: "AU", label: "GST", rate: RevenueFixtures.decimal("0.1")),
                                  TaxRate(country: "NZ", label: "GST", rate: RevenueFixtures.decimal("0.15"))])
        #expect(book.plans.map(\.code) == ["starter", "pro"])
        #expect(book.plan("starter")?.basePrice == Money(cents: 2_900))
        #expect(book.plan("starter")?.items.first == PlanItem(billingKind: "droplet_hours", includedQuantity: 744,
                                                               overageUnitPrice: RevenueFixtures.decimal("0.0125")))
        #expect(book.plan("pro")?.items.map(\.billingKind).sorted() == MeteredKinds.billingKinds, "each plan prices every metered kind")
        #expect(book.addon("storage_50gb")?.allowance == .init(billingKind: "spaces_gb_month", quantity: 50))
        #expect(book.addon("priority_support")?.allowance == nil)
    }

    @Test func defaultsAndTheMinimalBook() throws {
        let book = try PriceBookParser.parse(yaml: Self.minimal, file: "book.yaml")
        #expect(book.prorate && book.taxRates.isEmpty && book.addons.isEmpty)
        #expect(try PriceBookParser.parse(yaml: Self.minimal + "prorate: false\n", file: "book.yaml").prorate == false)
    }

    @Test(arguments: [
        ("name: b\neffective_from: 2026-01-01\nplans: []\n", 3, 8, "plans", "must list at least one plan"),
        ("name: b\neffective_from: 2026-01-01\n", 1, 1, "plans", "missing required key 'plans'"),
        ("name: b\neffective_from: 2026-01-01T00:00:00Z\nplans: []\n", 2, 17, "effective_from",
         "'2026-01-01T00:00:00Z' is not a date; write YYYY-MM-DD, e.g. 2026-01-01"),
        ("name: b\neffective_from: 2026-02-30\nplans: []\n", 2, 17, "effective_from", "'2026-02-30' is not a date; write YYYY-MM-DD, e.g. 2026-01-01"),
        ("name: b\neffective: 2026-01-01\n", 2, 1, "effective",
         "unknown key 'effective'; allowed keys: name, effective_from, prorate, prorate_allowances, tax_rates, plans, addons"),
        ("# nothing\n", 1, 1, "", "the file has no YAML document; a price book needs at least name, effective_from and plans"),
    ])
    func topLevelRules(yaml: String, line: Int, column: Int, field: String, message: String) {
        #expect(parseError(yaml) == ScenarioError(location: ScenarioLocation(file: "book.yaml", line: line, column: column),
                                                 field: field, message: message))
    }

    static let head = "name: b\neffective_from: 2026-01-01\n"

    @Test(arguments: [
        ("plans:\n  - {code: Starter, name: s, base_price: 1.00}\n", 4, 12, "plans[0].code",
         "must be lowercase letters, digits, '_' and '-'; found 'Starter'"),
        ("plans:\n  - {code: a, name: s, base_price: 1.00}\n  - {code: a, name: t, base_price: 1.00}\n", 5, 12, "plans[1].code",
         "another plan is already coded 'a'"),
        ("plans:\n  - {code: a, name: s, base_price: -1.00}\n", 4, 36, "plans[0].base_price",
         "'-1.00' is negative; a price is at least 0.00, e.g. 29.00"),
        ("plans:\n  - {code: a, name: s, base_price: 1.005}\n", 4, 36, "plans[0].base_price",
         "'1.005' is not a price in dollars with at most two decimals, e.g. 29.00"),
        ("plans:\n  - {code: a, name: s, base_price: 1.00, items: [{billing_kind: droplet_hour, included: 1, overage: 1}]}\n", 4, 65,
         "plans[0].items[0].billing_kind",
         "must be one of backup_gb_month, dns_zones, droplet_hours, snapshot_gb_month, spaces_gb_month; found 'droplet_hour' (did you mean 'droplet_hours'?)"),
        ("plans:\n  - {code: a, name: s, base_price: 1.00, items: [{billing_kind: dns_zones, included: 1, overage: '0,5'}]}\n", 4, 98,
         "plans[0].items[0].overage", "'0,5' is not a non-negative decimal; write digits with an optional fraction, e.g. 0.0125"),
        ("plans:\n  - {code: a, name: s, base_price: 1.00, items: [{billing_kind: dns_zones, included: 1e3, overage: 1}]}\n", 4, 86,
         "plans[0].items[0].included", "'1e3' is not a non-negative decimal; write digits with an optional fraction, e.g. 0.0125"),
        ("plans:\n  - code: a\n    name: s\n    base_price: 1.00\n    items:\n      - {billing_kind: dns_zones, included: 1, overage: 1}\n"
            + "      - {billing_kind: dns_zones, included: 2, overage: 1}\n", 9, 24, "plans[0].items[1].billing_kind", "plan 'a' already prices dns_zones"),
        ("plans: [{code: a, name: s, base_price: 1.00}]\naddons:\n  - {code: x, name: X, monthly_price: 1.00, billing_kind: dns_zones}\n", 5, 5,
         "addons[0]", "an addon that adds an allowance needs both billing_kind and included; one without needs neither"),
        ("plans: [{code: a, name: s, base_price: 1.00}]\naddons:\n  - {code: x, name: X, monthly_price: 1.00}\n  - {code: x, name: Y, monthly_price: 2.00}\n",
         6, 12, "addons[1].code", "another addon is already coded 'x'"),
        ("plans: [{code: a, name: s, base_price: 1.00}]\ntax_rates:\n  - {country: au, label: GST, rate: 10%}\n", 5, 15, "tax_rates[0].country",
         "'au' is not a country code; write ISO 3166 alpha-2 in capitals, e.g. AU"),
        ("plans: [{code: a, name: s, base_price: 1.00}]\ntax_rates:\n  - {country: ZZ, label: GST, rate: 10%}\n", 5, 15, "tax_rates[0].country",
         "'ZZ' is not a country code; write ISO 3166 alpha-2 in capitals, e.g. AU"),
        ("plans: [{code: a, name: s, base_price: 1.00}]\ntax_rates:\n  - {country: AU, label: GST, rate: 10}\n", 5, 37, "tax_rates[0].rate",
         "'10' is not a percentage between 0% and 100%, e.g. 10%"),
        ("plans: [{code: a, name: s, base_price: 1.00}]\ntax_rates:\n  - {country: AU, label: GST, rate: 100.5%}\n", 5, 37, "tax_rates[0].rate",
         "'100.5%' is not a percentage between 0% and 100%, e.g. 10%"),
        ("plans: [{code: a, name: s, base_price: 1.00}]\ntax_rates:\n  - {country: AU, label: GST, rate: 10%}\n  - {country: AU, label: GST, rate: 5%}\n",
         6, 5, "tax_rates[1]", "country 'AU' already has a tax rate in this book"),
    ])
    func planAddonAndTaxRules(body: String, line: Int, column: Int, field: String, message: String) {
        #expect(parseError(Self.head + body) == ScenarioError(location: ScenarioLocation(file: "book.yaml", line: line, column: column),
                                                            field: field, message: message))
    }

    @Test func aRateWithDecimalsIsAnExactFraction() throws {
        let book = try PriceBookParser.parse(yaml: Self.minimal + "tax_rates: [{country: NZ, label: GST, rate: 12.5%}]\n", file: "b.yaml")
        #expect(book.taxRates.first?.rate == RevenueFixtures.decimal("0.125"))
        #expect(book.taxRates.first?.lineDescription == "GST 12.5%")
    }
}

/// Tiered overage and `prorate_allowances`: the shapes, their errors, and a round trip through
/// the ledger.
struct PriceBookTierParserTests {
    func book(_ overage: String, extra: String = "") throws(ScenarioError) -> PriceBook {
        try PriceBookParser.parse(yaml: """
            name: b
            effective_from: 2026-01-01
            \(extra)plans:
              - code: starter
                name: Starter
                base_price: 29.00
                items:
                  - billing_kind: droplet_hours
                    included: 744
                    overage: \(overage)

            """, file: "book.yaml")
    }

    func failure(_ overage: String) -> String? {
        do {
            _ = try book(overage)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func tiersParseInOrderAndSurviveTheLedger() throws {
        let parsed = try book("{mode: graduated, tiers: [{up_to: 100, unit_price: 0.02}, {up_to: 300.5, unit_price: 0.01}, {unit_price: 0.005}]}",
                              extra: "prorate_allowances: false\n")
        #expect(parsed.prorateAllowances == false)
        #expect(parsed.plans[0].items[0].overage == .graduated([
            PriceTier(upTo: 100, unitPrice: RevenueFixtures.decimal("0.02")),
            PriceTier(upTo: RevenueFixtures.decimal("300.5"), unitPrice: RevenueFixtures.decimal("0.01")),
            PriceTier(upTo: nil, unitPrice: RevenueFixtures.decimal("0.005")),
        ]))
        let volume = try book("{mode: volume, tiers: [{unit_price: 0.01}]}")
        #expect(volume.plans[0].items[0].overage == .volume([PriceTier(upTo: nil, unitPrice: RevenueFixtures.decimal("0.01"))]))
        #expect(volume.prorateAllowances)
        let ledger = try Ledger()
        let store = PriceBookStore(ledger: ledger)
        _ = try store.write(parsed, source: nil)
        #expect(try store.all().map(\.book) == [parsed])
    }

    @Test(arguments: [
        ("{mode: graduated, tiers: [{up_to: 100, unit_price: 0.02}, {up_to: 200, unit_price: 0.01}]}",
         "book.yaml:10:84: plans[0].items[0].overage.tiers[1].up_to: the last tier has no up_to: it prices every unit above the tier before"),
        ("{mode: graduated, tiers: [{unit_price: 0.02}, {unit_price: 0.01}]}",
         "book.yaml:10:44: plans[0].items[0].overage.tiers[0]: every tier but the last needs up_to"),
        ("{mode: volume, tiers: [{up_to: 100, unit_price: 0.02}, {up_to: 100, unit_price: 0.01}, {unit_price: 0.005}]}",
         "book.yaml:10:81: plans[0].items[0].overage.tiers[1].up_to: up_to must be above 100, where the tier starts"),
        ("{mode: volume, tiers: []}", "book.yaml:10:40: plans[0].items[0].overage.tiers: must list at least one tier"),
        ("{mode: stairs, tiers: [{unit_price: 0.01}]}", "book.yaml:10:25: plans[0].items[0].overage.mode: must be one of graduated, volume; found 'stairs'"),
        ("{tiers: [{unit_price: 0.01}]}", "book.yaml:10:18: plans[0].items[0].overage.mode: missing required key 'mode'"),
        ("-0.01", "book.yaml:10:18: plans[0].items[0].overage: '-0.01' is not a non-negative decimal"),
    ])
    func tierRules(overage: String, message: String) {
        let got = failure(overage)
        #expect(got?.hasPrefix(message) == true, "\(got ?? "parsed")")
    }
}
