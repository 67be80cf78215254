import CoreTestSupport
import DigitalOcean
import Foundation
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// The draft's arithmetic without a ledger: tagging, numbering, and tax rounded once on the subtotal.
struct TenantInvoiceDraftTests {
    let april = BillingPeriod(year: 2026, month: 4)!
    let gst = TaxRate(country: "AU", label: "GST", rate: RevenueFixtures.decimal("0.1"))

    func priced(_ subscription: Int64, deployment: Int64, usage: [BillingKind: String] = [:], plan: String = "starter") throws -> TenantInvoiceDraft.PricedSubscription {
        let quote = try QuoteEngine.quote(QuoteRequest(planCode: plan, usage: usage.mapValues(RevenueFixtures.decimal), period: april),
                                          in: RevenueFixtures.standardBook())
        return .init(subscriptionID: subscription, deploymentID: deployment, quote: quote)
    }

    @Test func taxIsTheSubtotalTimesTheRateRoundedHalfUpOnce() throws {
        // 2900 + 2 h over (2.5 cents → 3) = 2903; × 0.1 = 290.3 → 290.
        let draft = try #require(TenantInvoiceDraft([try priced(10, deployment: 1, usage: ["droplet_hours": "746"])], taxRate: gst))
        #expect(draft.lines.map(\.amount.cents) == [2_900, 3, 290])
        // Two subscriptions: 2900 + 2900 + 4 h over (5 cents) = 5805; × 0.1 = 580.5 → 581 (half up).
        let two = try #require(TenantInvoiceDraft([try priced(10, deployment: 1), try priced(11, deployment: 2, usage: ["droplet_hours": "748"])],
                                                  taxRate: gst))
        #expect(two.lines.map(\.amount.cents) == [2_900, 2_900, 5, 581])
        #expect((two.subtotal.cents, two.tax.cents, two.total.cents) == (5_805, 581, 6_386))
        #expect(two.lines.map(\.lineNo) == [1, 2, 3, 4])
        #expect(two.lines.map(\.subscriptionID) == [10, 11, 11, nil])
        #expect(two.lines.last?.quantity == RevenueFixtures.decimal("58.05"))
    }

    @Test func noRateNoTaxLine() throws {
        let draft = try #require(TenantInvoiceDraft([try priced(10, deployment: 1)], taxRate: nil))
        #expect(draft.lines.map(\.kind) == [.planBase])
        #expect(draft.tax == .zero && draft.total == Money(cents: 2_900))
    }
}
