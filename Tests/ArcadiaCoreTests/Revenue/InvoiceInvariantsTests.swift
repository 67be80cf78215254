import ArcadiaCore
import CoreTestSupport
import DigitalOcean
import Foundation
import MoneyAndTime
import Testing

/// The invariants on hand-made invoices: one clean, and each violation the rollup must report.
struct InvoiceInvariantsTests {
    let april = BillingPeriod(year: 2026, month: 4)!

    func line(_ no: Int, _ kind: TenantInvoiceLine.Kind, _ cents: Int, deployment: Int64? = 1, subscription: Int64? = 10,
              resourceKind: BillingKind? = nil) -> TenantInvoiceLine {
        TenantInvoiceLine(lineNo: no, kind: kind, deploymentID: kind == .tax ? nil : deployment, subscriptionID: kind == .tax ? nil : subscription,
                          resourceKind: resourceKind, description: "x", quantity: 1, unitPrice: 1, amount: Money(cents: cents))
    }

    func invoice(_ lines: [TenantInvoiceLine], subtotal: Int, tax: Int, total: Int? = nil) -> TenantInvoice {
        TenantInvoice(id: 1, tenant: "acme", period: april, status: .draft, subtotal: Money(cents: subtotal), tax: Money(cents: tax),
                      total: Money(cents: total ?? subtotal + tax), createdAt: april.end, issuedAt: nil, paidAt: nil, voidedAt: nil, lines: lines)
    }

    let whole: [Int64: InvoiceInvariants.BilledSubscription] = [
        10: .init(deploymentID: 1, window: BillingWindow(from: RevenueFixtures.time("2026-04-01"), to: RevenueFixtures.time("2026-05-01"))),
    ]

    var clean: [TenantInvoiceLine] { [line(1, .planBase, 2_900), line(2, .overage, 320, resourceKind: "droplet_hours"), line(3, .tax, 322)] }

    @Test func aConsistentInvoiceHasNoFinding() {
        #expect(InvoiceInvariants.check(invoice(clean, subtotal: 3_220, tax: 322), subscriptions: whole).isEmpty)
    }

    @Test func totalsThatDoNotAddUpAreFindings() {
        #expect(InvoiceInvariants.check(invoice(clean, subtotal: 3_220, tax: 322, total: 3_543), subscriptions: whole)
                == ["tenant acme 2026-04: total 35.43 is not subtotal 32.20 + tax 3.22"])
        #expect(InvoiceInvariants.check(invoice(clean, subtotal: 3_200, tax: 322), subscriptions: whole)
                == ["tenant acme 2026-04: subtotal 32.00 is not the sum of its non-tax lines, 32.20"])
        #expect(InvoiceInvariants.check(invoice(clean, subtotal: 3_220, tax: 300), subscriptions: whole)
                == ["tenant acme 2026-04: tax 3.00 is not the sum of its tax lines, 3.22"])
    }

    @Test func oneSubscriptionChargedTwiceIsUsageCountedTwice() {
        let lines = clean + [line(4, .overage, 320, resourceKind: "droplet_hours"), line(5, .planBase, 2_900)]
        let findings = InvoiceInvariants.check(invoice(lines, subtotal: 6_440, tax: 322), subscriptions: whole)
        #expect(findings == [
            "tenant acme 2026-04: lines 2 and 4 both charge overage of droplet_hours of subscription 10",
            "tenant acme 2026-04: lines 1 and 5 both charge the plan base of subscription 10",
        ])
    }

    /// Tiers of one usage pass only when they add up to exactly the usage over the allowance.
    @Test func overageLinesAreTiersOnlyWhenTheyPartitionTheUsageOverTheAllowance() {
        func tier(_ no: Int, _ quantity: String, used: String = "1000") -> TenantInvoiceLine {
            var tier = line(no, .overage, 100, resourceKind: "droplet_hours")
            (tier.quantity, tier.usedQuantity, tier.allowance) = (Decimal(string: quantity)!, Decimal(string: used)!, 744)
            return tier
        }
        let base = line(1, .planBase, 2_900)
        #expect(InvoiceInvariants.check(invoice([base, tier(2, "100"), tier(3, "156")], subtotal: 3_100, tax: 0), subscriptions: whole).isEmpty)
        let twice = "tenant acme 2026-04: lines 2 and 3 both charge overage of droplet_hours of subscription 10"
        #expect(InvoiceInvariants.check(invoice([base, tier(2, "256"), tier(3, "256")], subtotal: 3_100, tax: 0), subscriptions: whole) == [twice])
        #expect(InvoiceInvariants.check(invoice([base, tier(2, "100"), tier(3, "156", used: "900")], subtotal: 3_100, tax: 0),
                                        subscriptions: whole) == [twice])
    }

    @Test func twoSubscriptionsOfOneDeploymentBilledForTheSameDaysAreUsageCountedTwice() {
        var subscriptions = whole
        subscriptions[11] = .init(deploymentID: 1, window: BillingWindow(from: RevenueFixtures.time("2026-04-20"), to: RevenueFixtures.time("2026-05-01")))
        subscriptions[12] = .init(deploymentID: 2, window: BillingWindow(from: RevenueFixtures.time("2026-04-01"), to: RevenueFixtures.time("2026-05-01")))
        let lines = [line(1, .planBase, 100), line(2, .planBase, 100, subscription: 11), line(3, .planBase, 100, deployment: 2, subscription: 12)]
        #expect(InvoiceInvariants.check(invoice(lines, subtotal: 300, tax: 0), subscriptions: subscriptions) == [
            "tenant acme 2026-04: subscriptions 10 and 11 of deployment 1 are both billed for 2026-04-20 … 2026-05-01 (exclusive), so that usage is counted twice",
        ], "subscription 12 overlaps in time but bills another deployment")
    }

    @Test func aLineTaggedWithTheWrongDeploymentOrNoSubscriptionIsAFinding() {
        let lines = [line(1, .planBase, 100, deployment: 2), line(2, .addon, 50, subscription: nil)]
        #expect(InvoiceInvariants.check(invoice(lines, subtotal: 150, tax: 0), subscriptions: whole) == [
            "tenant acme 2026-04: line 1 names deployment 2 but its subscription 10 belongs to deployment 1",
            "tenant acme 2026-04: line 2 (addon) names no subscription",
        ])
    }
}
