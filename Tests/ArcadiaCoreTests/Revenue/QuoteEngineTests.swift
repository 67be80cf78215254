import ArcadiaCore
import CoreTestSupport
import DigitalOcean
import Foundation
import MoneyAndTime
import Testing

/// The quote engine against hand-computed figures (`RevenueFixtures.standardBook`: starter is
/// $29.00 with 744 droplet hours included and $0.0125 an hour over).
struct QuoteEngineTests {
    let book = RevenueFixtures.standardBook()
    let april = BillingPeriod(year: 2026, month: 4)!

    func quote(_ plan: String = "starter", addons: [String] = [], usage: [BillingKind: String] = [:], period: BillingPeriod? = nil,
               days: Int? = nil, in book: PriceBook? = nil) throws -> Quote {
        try QuoteEngine.quote(QuoteRequest(planCode: plan, addonCodes: addons, usage: usage.mapValues(RevenueFixtures.decimal),
                                           period: period ?? april, daysActive: days), in: book ?? self.book)
    }

    func cents(_ quote: Quote) -> [Int] { quote.lines.map(\.amount.cents) }

    @Test func aFullMonthWithOverageIsBasePlusQuantityAboveTheAllowanceTimesTheUnitPrice() throws {
        let q = try quote(usage: ["droplet_hours": "1000"])
        // 1000 - 744 = 256 hours × $0.0125 = $3.20.
        #expect(q.lines.map(\.kind) == [.planBase, .overage])
        #expect(cents(q) == [2_900, 320])
        #expect(q.subtotal == Money(cents: 3_220))
        let overage = q.lines[1]
        #expect(overage.billingKind == "droplet_hours")
        #expect(overage.quantity == 256)
        #expect(overage.unitPrice == RevenueFixtures.decimal("0.0125"))
        #expect(overage.description == "Overage: droplet_hours (1000 used, 744 included)")
        #expect(q.lines[0].description == "Plan: starter")
        #expect(q.lines[0].quantity == 30, "a full April is 30 days charged")
    }

    @Test func aFractionOfACentIsRoundedHalfUpOncePerLineNotPerUnit() throws {
        // 2 × 0.0125 = 0.025 dollars = 2.5 cents → 3 (half up; banker's rounding would say 2).
        #expect(cents(try quote(usage: ["droplet_hours": "746"])) == [2_900, 3])
        // 3 × 0.0125 = 3.75 cents → 4; rounding each hour first would give 3 × 1 = 3.
        #expect(cents(try quote(usage: ["droplet_hours": "747"])) == [2_900, 4])
        // 1 × 0.0125 = 1.25 cents → 1.
        #expect(cents(try quote(usage: ["droplet_hours": "745"])) == [2_900, 1])
        // A fraction of a unit: 0.4 h × 0.0125 = 0.5 cents → 1; 0.39 h → 0.4875 cents → 0, a line of 0 cents.
        #expect(cents(try quote(usage: ["droplet_hours": "744.4"])) == [2_900, 1])
        #expect(cents(try quote(usage: ["droplet_hours": "744.39"])) == [2_900, 0])
    }

    @Test func usageExactlyAtTheAllowanceHasNoOverageLine() throws {
        #expect(try quote(usage: ["droplet_hours": "744", "spaces_gb_month": "250.000"]).lines.map(\.kind) == [.planBase])
        #expect(try quote(usage: [:]).lines.map(\.kind) == [.planBase])
    }

    @Test func anAddonIsALineAndRaisesItsKindsAllowance() throws {
        // 300 GB: 250 included + 50 from the addon, exactly met.
        let met = try quote(addons: ["storage_50gb"], usage: ["spaces_gb_month": "300"])
        #expect(met.lines.map(\.description) == ["Plan: starter", "Addon: storage_50gb"])
        #expect(cents(met) == [2_900, 500])
        // 301 GB: 1 GB over × $0.02; without the addon, 51 GB over = $1.02.
        let over = try quote(addons: ["storage_50gb"], usage: ["spaces_gb_month": "301"])
        #expect(cents(over) == [2_900, 500, 2])
        #expect(over.lines[2].description == "Overage: spaces_gb_month (301 used, 300 included)")
        #expect(cents(try quote(usage: ["spaces_gb_month": "301"])) == [2_900, 102])
    }

    @Test func addonLinesFollowTheOrderAskedAndAnAddonWithoutAllowanceRaisesNothing() throws {
        let q = try quote(addons: ["backups", "storage_50gb"], usage: ["droplet_hours": "745"])
        #expect(q.lines.map(\.description) == ["Plan: starter", "Addon: backups", "Addon: storage_50gb",
                                               "Overage: droplet_hours (745 used, 744 included)"])
        #expect(cents(q) == [2_900, 350, 500, 1])
    }

    @Test func overageLinesFollowThePlansItemOrder() throws {
        let q = try quote(usage: ["spaces_gb_month": "251", "droplet_hours": "745"])
        #expect(q.lines.compactMap(\.billingKind) == ["droplet_hours", "spaces_gb_month"])
    }

    /// Base and addons × days ÷ days in the month, rounded once: hand-computed per month length.
    @Test(arguments: [
        // (year, month, days in month, 10 days of $29.00, 1 day of the $3.50 addon)
        (2026, 2, 28, 1_036, 13),   // 29000/28 = 1035.71 → 1036; 350/28 = 12.5 → 13 (half up)
        (2028, 2, 29, 1_000, 12),   // leap February: 29000/29 = 1000 exactly; 350/29 = 12.07 → 12
        (2026, 4, 30, 967, 12),     // 29000/30 = 966.67 → 967; 350/30 = 11.67 → 12
        (2026, 5, 31, 935, 11),     // 29000/31 = 935.48 → 935; 350/31 = 11.29 → 11
    ])
    func prorationByActiveDays(year: Int, month: Int, days: Int, tenDays: Int, oneDayOfAddon: Int) throws {
        let period = BillingPeriod(year: year, month: month)!
        #expect(period.days == days)
        #expect(cents(try quote(period: period, days: 10)) == [tenDays])
        #expect(cents(try quote(addons: ["backups"], period: period, days: 1)) == [Money.roundHalfUp(2_900, dividedBy: days), oneDayOfAddon])
        let full = try quote(addons: ["backups"], period: period, days: days)
        #expect(cents(full) == [2_900, 350], "a whole month is exactly the monthly price, whatever its length")
        #expect(full.lines.map(\.quantity) == [Decimal(days), Decimal(days)])
    }

    @Test func withProrationOffAPartialMonthPaysTheWholeMonth() throws {
        let book = RevenueFixtures.standardBook(prorate: false)
        let q = try quote(addons: ["backups"], days: 10, in: book)
        #expect(cents(q) == [2_900, 350])
        #expect(q.lines[0].quantity == 30, "the days charged are the whole month")
        #expect(q.prorated == false && q.daysActive == 10)
    }

    @Test func allowancesAreProratedByTheDaysCharged() throws {
        // 10 days of April: 744 × 10/30 = 248 h included, so 744 h is 496 over at $0.0125 = $6.20.
        let q = try quote(usage: ["droplet_hours": "744"], days: 10)
        #expect(cents(q) == [967, 620])
        #expect(q.lines[1].description == "Overage: droplet_hours (744 used, 248 of 744 included)")
        #expect(q.lines[1].allowance == 248 && q.lines[1].includedQuantity == 744 && q.lines[1].usedQuantity == 744)
        // 7 days of a 30-day month: 250 × 7/30 = 58.333333… kept to six decimals.
        #expect(QuoteEngine.prorated(250, days: 7, of: BillingPeriod(year: 2026, month: 4)!) == RevenueFixtures.decimal("58.333333"))
        #expect(QuoteEngine.prorated(250, days: 30, of: BillingPeriod(year: 2026, month: 4)!) == 250)
    }

    @Test func aBookMayKeepAllowancesWhole() throws {
        var book = RevenueFixtures.standardBook()
        book.prorateAllowances = false
        // 10 days with 744 h: within the whole allowance, so no overage.
        #expect(try quote(usage: ["droplet_hours": "744"], days: 10, in: book).lines.map(\.kind) == [.planBase])
        // Without base proration the days charged are the whole month, and so is the allowance.
        let whole = try quote(usage: ["droplet_hours": "744"], days: 10, in: RevenueFixtures.standardBook(prorate: false))
        #expect(whole.lines.map(\.kind) == [.planBase])
    }

    @Test func graduatedTiersPriceEachUnitAtItsTiersPrice() throws {
        // Tiers over the 744 included: [0, 100) at 0.02, [100, 300) at 0.01, [300, …) at 0.005.
        let book = tieredBook(.graduated(tiers))
        func over(_ hours: String) throws -> [[String]] {
            try quote(usage: ["droplet_hours": hours], in: book).lines.dropFirst().map {
                [DecimalText.format($0.quantity), DecimalText.format($0.unitPrice), $0.amount.decimalString]
            }
        }
        #expect(try over("744") == [])
        #expect(try over("744.5") == [["0.5", "0.02", "0.01"]])
        #expect(try over("843") == [["99", "0.02", "1.98"]])
        #expect(try over("844") == [["100", "0.02", "2.00"]], "100 units fill the first tier exactly; the next starts at 100")
        #expect(try over("845") == [["100", "0.02", "2.00"], ["1", "0.01", "0.01"]])
        #expect(try over("1044") == [["100", "0.02", "2.00"], ["200", "0.01", "2.00"]])
        #expect(try over("1045") == [["100", "0.02", "2.00"], ["200", "0.01", "2.00"], ["1", "0.005", "0.01"]])
        let q = try quote(usage: ["droplet_hours": "1045"], in: book)
        #expect(q.lines[1].description == "Overage: droplet_hours (1045 used, 744 included), tier 1 [0, 100)")
        #expect(q.lines[3].description == "Overage: droplet_hours (1045 used, 744 included), tier 3 [300, …)")
    }

    @Test func volumeTiersPriceEveryUnitAtTheTierReached() throws {
        let book = tieredBook(.volume(tiers))
        func over(_ hours: String) throws -> [[String]] {
            try quote(usage: ["droplet_hours": hours], in: book).lines.dropFirst().map {
                [DecimalText.format($0.quantity), DecimalText.format($0.unitPrice), $0.amount.decimalString]
            }
        }
        #expect(try over("744") == [])
        #expect(try over("843") == [["99", "0.02", "1.98"]])
        #expect(try over("844") == [["100", "0.01", "1.00"]], "a quantity at a boundary is in the next tier")
        #expect(try over("1043") == [["299", "0.01", "2.99"]])
        #expect(try over("1044") == [["300", "0.005", "1.50"]])
        #expect(try over("5744") == [["5000", "0.005", "25.00"]])
        #expect(try quote(usage: ["droplet_hours": "844"], in: book).lines[1].description
                == "Overage: droplet_hours (844 used, 744 included), volume tier 2 [100, 300)")
    }

    private var tiers: [PriceTier] {
        [PriceTier(upTo: 100, unitPrice: RevenueFixtures.decimal("0.02")), PriceTier(upTo: 300, unitPrice: RevenueFixtures.decimal("0.01")),
         PriceTier(upTo: nil, unitPrice: RevenueFixtures.decimal("0.005"))]
    }

    private func tieredBook(_ overage: OveragePrice) -> PriceBook {
        var book = RevenueFixtures.standardBook()
        book.plans[0].items[0] = PlanItem(billingKind: "droplet_hours", includedQuantity: 744, overage: overage)
        return book
    }

    @Test func usageThePlanDoesNotPriceIsNamedNotCharged() throws {
        let q = try quote(usage: ["dns_zones": "1", "snapshot_gb_month": "0", "droplet_hours": "10"])
        #expect(q.unpricedKinds == ["dns_zones"])
        #expect(cents(q) == [2_900])
    }

    @Test func badRequestsAreTypedErrorsNamingWhatTheBookOffers() throws {
        #expect(throws: QuoteError.unknownPlan("gold", book: "standard-2026", known: ["starter", "pro"])) { try quote("gold") }
        #expect(throws: QuoteError.unknownAddon("ipv6", book: "standard-2026", known: ["storage_50gb", "backups"])) {
            try quote(addons: ["ipv6"])
        }
        #expect(throws: QuoteError.addonTwice("backups")) { try quote(addons: ["backups", "backups"]) }
        #expect(throws: QuoteError.daysOutOfRange(0, period: april)) { try quote(days: 0) }
        #expect(throws: QuoteError.daysOutOfRange(31, period: april)) { try quote(days: 31) }
        let minus = try #require(Decimal(string: "-1"))
        #expect(throws: QuoteError.negativeUsage(billingKind: "droplet_hours", quantity: minus)) {
            try QuoteEngine.quote(QuoteRequest(planCode: "starter", usage: ["droplet_hours": minus], period: april), in: book)
        }
        #expect(QuoteError.unknownPlan("gold", book: "b", known: ["starter"]).description == "price book 'b' has no plan 'gold'; its plans: starter")
    }

    @Test func anAmountBeyondIntegerCentsIsAnErrorNotACrash() throws {
        let huge = "999999999999999999999999999999"
        #expect(throws: QuoteError.self) { try quote(usage: ["droplet_hours": huge]) }
    }
}
