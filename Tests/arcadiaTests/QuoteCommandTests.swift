import ArcadiaCore
import ArgumentParser
import CoreTestSupport
import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime
import Testing
import TestSupport
import Workbench
@testable import arcadia

/// `arcadia quote` over the shipped price book: the printed projection, each refusal, and that a
/// quoted price is what the rollup invoices.
struct QuoteCommandTests {
    let book = RepoPaths.root().appendingPathComponent("pricebooks/standard-2026.yaml").path
    let now = Timestamp(year: 2026, month: 4, day: 15)

    func quote(plan: String = "starter", addons: [String] = [], usage: [String] = [], period: String? = "2026-04",
               days: Int? = nil, pricebook: String? = nil) throws -> String {
        try QuoteCommand.quote(pricebook: pricebook ?? book, plan: plan, addons: addons, usage: usage, period: period,
                               daysActive: days, now: now)
    }

    func refusal(_ body: () throws -> String) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as ValidationError {
            return error.message
        } catch let error as InputError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func printsTheLinesAndSubtotalAsHandComputed() throws {
        let text = try quote(addons: ["storage_50gb"], usage: ["droplet_hours=1000", "spaces_gb_month=301", "dns_zones=1"], days: 20)
        // 2900 × 20/30 = 1933.33 → 19.33; 500 × 20/30 = 333.33 → 3.33. Allowances × 20/30: 744 → 496, so 504 h ×
        // 0.0125 = 6.30; (250 + 50) → 200, so 101 GB × 0.02 = 2.02; 1 zone → 0.666667, so 0.333333 × 1.00 = 0.33.
        #expect(text == """
            Quote: plan starter (Starter) + storage_50gb
            Price book: standard-2026, effective 2026-01-01 (\(book))
            Period: 2026-04, 20 of 30 days active

            line       description                                                 quantity  unit price  amount
            plan_base  Plan: starter                                             20/30 days       29.00   19.33
            addon      Addon: storage_50gb                                       20/30 days        5.00    3.33
            overage    Overage: droplet_hours (1000 used, 496 of 744 included)          504      0.0125    6.30
            overage    Overage: spaces_gb_month (301 used, 200 of 300 included)         101        0.02    2.02
            overage    Overage: dns_zones (1 used, 0.666667 of 1 included)         0.333333        1.00    0.33
                                                                                               Subtotal   31.31

            Amounts in USD. Tax is added at invoicing by the tenant's country: AU GST 10%, NZ GST 15%.

            """)
    }

    @Test func thePeriodDefaultsToTheCurrentMonthAndTheDaysToAllOfIt() throws {
        let text = try quote(plan: "pro", period: nil)
        #expect(text.contains("Period: 2026-04, 30 of 30 days active"))
        #expect(text.contains("plan_base  Plan: pro    30/30 days       99.00   99.00"))
    }

    @Test func refusesWhatTheBookOrTheFormatDoesNotAllow() {
        #expect(refusal { try quote(plan: "gold") } == "price book 'standard-2026' has no plan 'gold'; its plans: starter, pro")
        #expect(refusal { try quote(addons: ["ipv6"]) }
                == "price book 'standard-2026' has no addon 'ipv6'; its addons: storage_50gb, backups_100gb, priority_support")
        #expect(refusal { try quote(usage: ["droplet_hour=5"]) }
                == "--usage 'droplet_hour=5': unknown billing kind 'droplet_hour'; the kinds are backup_gb_month, dns_zones, droplet_hours, snapshot_gb_month, spaces_gb_month")
        #expect(refusal { try quote(usage: ["droplet_hours=-5"]) }
                == "--usage 'droplet_hours=-5': '-5' is not a non-negative decimal quantity, e.g. 1000 or 12.5")
        #expect(refusal { try quote(usage: ["droplet_hours=1e3"]) }
                == "--usage 'droplet_hours=1e3': '1e3' is not a non-negative decimal quantity, e.g. 1000 or 12.5")
        #expect(refusal { try quote(usage: ["droplet_hours"]) } == "--usage 'droplet_hours' is not kind=quantity, e.g. droplet_hours=1000")
        #expect(refusal { try quote(usage: ["dns_zones=1", "dns_zones=2"]) } == "--usage names dns_zones twice")
        #expect(refusal { try quote(days: 31) } == "31 days active is outside 1…30, the days of 2026-04")
        #expect(refusal { try quote(period: "2026-4") } == "--period '2026-4' is not a month; write YYYY-MM, e.g. 2026-04")
        #expect(refusal { try quote(pricebook: "pricebooks/nope.yaml") } == "--pricebook: pricebooks/nope.yaml:0:0: no such file")
    }

    /// The reproduction: a book priced at Int.max cents trapped `arcadia quote`.
    @Test func amountsBeyondTheBoundAreRefusedNotTrapped() throws {
        let folder = try RepoPaths.temporaryDirectory("quote-bound")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.yaml").path
        try "name: huge\neffective_from: 2026-01-01\nplans:\n  - {code: starter, name: S, base_price: 92233720368547758.07}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(refusal { try quote(pricebook: path) }
                == "--pricebook: \(path):4:42: plans[0].base_price: '92233720368547758.07' is more than 1000000000.00, the largest amount accepted")
        #expect(refusal { try quote(usage: ["droplet_hours=1000000000000000000000000"]) }
                == "the amount of 'Overage: droplet_hours (1000000000000000000000000 used, 744 included)' does not fit in integer cents")
    }

    @Test func theCommandLineParsesRepeatedOptions() throws {
        let command = try QuoteCommand.parse(["--pricebook", book, "--plan", "starter", "--addon", "storage_50gb", "--addon", "backups_100gb",
                                              "--usage", "droplet_hours=800", "--period", "2026-02", "--days-active", "28"])
        #expect(command.addons == ["storage_50gb", "backups_100gb"] && command.usage == ["droplet_hours=800"] && command.daysActive == 28)
    }

    /// The same engine: what `quote` prints for a month is what the rollup invoices for it.
    @Test func aQuotedPriceIsTheInvoicedPrice() throws {
        let text = try quote(addons: ["storage_50gb"], usage: ["droplet_hours=1000", "spaces_gb_month=301"], days: 20)
        let ledger = try Ledger()
        _ = try PriceBookStore(ledger: ledger).write(try PriceBookParser.load(path: book), source: nil)
        let tenant = try RevenueFixtures.tenant(ledger, code: "acme", country: "US")
        let web = try RevenueFixtures.deployment(ledger, code: "web", tenantID: tenant)
        try RevenueFixtures.subscription(ledger, deploymentID: web, plan: "starter", addons: ["storage_50gb"], from: "2026-04-11")
        let usage = UsageSource { _, _, _ in ["droplet_hours": 1_000, "spaces_gb_month": 301] }
        let engine = TenantInvoicing(ledger: ledger, clock: .fixed(Timestamp(year: 2026, month: 5, day: 1, hour: 3)), usage: usage)
        _ = try engine.rollup(period: BillingPeriod(year: 2026, month: 4)!)
        let invoice = try #require(try engine.invoice(tenant: "acme", period: BillingPeriod(year: 2026, month: 4)!))
        #expect(invoice.lines.map(\.amount.decimalString) == ["19.33", "3.33", "6.30", "2.02"])
        #expect(text.contains("Subtotal   \(invoice.subtotal.decimalString)"))
    }
}

/// `--country` adds the tax line the invoice would carry, by the rule the rollup uses.
struct QuoteCountryTests {
    let book = RepoPaths.root().appendingPathComponent("pricebooks/standard-2026.yaml").path
    let now = Timestamp(year: 2026, month: 4, day: 15)

    @Test func aCountryWithARateGetsTheTaxLineAndTotal() throws {
        let text = try QuoteCommand.quote(pricebook: book, plan: "starter", addons: [], usage: ["droplet_hours=1000"], period: "2026-04",
                                          daysActive: nil, country: "AU", now: now)
        // 29.00 + 256 h × 0.0125 = 32.20; GST 10% = 3.22; total 35.42.
        #expect(text.contains("tax        GST 10% (AU)                                           32.20         10%    3.22\n"))
        #expect(text.contains("Tax    3.22\n") && text.contains("Total   35.42\n"))
        #expect(text.hasSuffix("Amounts in USD.\n"))
    }

    @Test func aCountryWithoutARateIsSaidNotSilent() throws {
        let text = try QuoteCommand.quote(pricebook: book, plan: "starter", addons: [], usage: [], period: "2026-04", daysActive: nil,
                                          country: "US", now: now)
        #expect(!text.contains("\ntax "))
        #expect(text.hasSuffix("Amounts in USD. The book has no tax rate for US, so a tenant there is charged no tax.\n"))
        for country in ["usa", "XX"] {
            #expect(throws: ValidationError.self) {
                try QuoteCommand.quote(pricebook: book, plan: "starter", addons: [], usage: [], period: "2026-04", daysActive: nil,
                                       country: country, now: now)
            }
        }
    }
}
