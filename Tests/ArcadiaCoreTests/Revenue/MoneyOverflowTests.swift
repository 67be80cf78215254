import CoreTestSupport
import DigitalOcean
import Foundation
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// Amounts near `Int`'s limit (which no parsed input reaches: `Money.largest`) are refused by the
/// quote engine and the invoice draft with an error, never a trap.
struct MoneyOverflowTests {
    let april = BillingPeriod(year: 2026, month: 4)!

    func book(baseCents: Int) -> PriceBook {
        var book = RevenueFixtures.standardBook(starterCents: baseCents)
        book.taxRates = []
        return book
    }

    @Test func aBaseAndAddonWhoseSumOverflowsIsAQuoteErrorNamingTheSubtotal() throws {
        // Int.max cents for the whole month is Int.max exactly (× 30 ÷ 30 in 128 bits); + $5.00 does not fit.
        let base = try QuoteEngine.quote(QuoteRequest(planCode: "starter", period: april), in: book(baseCents: Int.max))
        #expect(base.subtotal == Money(cents: Int.max))
        #expect(throws: QuoteError.amountOutOfRange(line: "Subtotal")) {
            try QuoteEngine.quote(QuoteRequest(planCode: "starter", addonCodes: ["storage_50gb"], period: april), in: book(baseCents: Int.max))
        }
    }

    @Test func anOverageBeyondIntegerCentsIsAQuoteErrorNamingTheLine() {
        let usage: [BillingKind: Decimal] = ["droplet_hours": RevenueFixtures.decimal("1000000000000000000000744")]
        #expect(throws: QuoteError.self) {
            try QuoteEngine.quote(QuoteRequest(planCode: "starter", usage: usage, period: april), in: book(baseCents: 2_900))
        }
    }

    @Test func aDraftWhoseSubtotalOverflowsIsRefused() throws {
        let half = try QuoteEngine.quote(QuoteRequest(planCode: "starter", period: april), in: book(baseCents: Int.max / 2 + 1))
        let priced = [TenantInvoiceDraft.PricedSubscription(subscriptionID: 1, deploymentID: 1, quote: half),
                      TenantInvoiceDraft.PricedSubscription(subscriptionID: 2, deploymentID: 2, quote: half)]
        #expect(TenantInvoiceDraft(priced, taxRate: nil) == nil)
        #expect(TenantInvoiceDraft(Array(priced.prefix(1)), taxRate: nil)?.total == Money(cents: Int.max / 2 + 1))
        // The subtotal fits, the tax on it does not (the total would pass Int.max).
        let tax = TaxRate(country: "AU", label: "GST", rate: RevenueFixtures.decimal("1"))
        #expect(TenantInvoiceDraft(Array(priced.prefix(1)), taxRate: tax) == nil)
    }
}
