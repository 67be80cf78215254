import DigitalOcean
import Foundation
import MoneyAndTime

/// One tenant's month priced with one book: what the rollup stores as a draft and what
/// `arcadia reprice` compares, so a repriced and an invoiced figure come from the same code.
/// Usage is read once (`BilledMonth.read`) and can then be priced with any number of books.
public struct BilledMonth: Sendable {
    /// A subscription billed in the month: its window and the usage its deployment recorded then.
    public struct Part: Sendable {
        public var subscription: Subscription
        public var window: BillingWindow
        public var usage: [BillingKind: Decimal]
    }

    public var period: BillingPeriod
    public var tenant: Tenant
    public var parts: [Part]
    /// Subscriptions active for no whole day of the month (not billed), said in the report.
    public var notes: [String]

    /// Reads each subscription's usage over its billing window. A failing read throws, naming
    /// the subscription: the month cannot be priced without it.
    public static func read(tenant: Tenant, period: BillingPeriod, subscriptions: [Subscription],
                            usage: UsageSource) throws(TenantMonthPricingError) -> BilledMonth {
        var month = BilledMonth(period: period, tenant: tenant, parts: [], notes: [])
        for subscription in subscriptions {
            guard let window = BillingWindow(startedAt: subscription.startedAt, endedAt: subscription.endedAt, in: period) else {
                month.notes.append("\(label(subscription)): active for no whole day of \(period), not billed")
                continue
            }
            do {
                month.parts.append(Part(subscription: subscription, window: window,
                                        usage: try usage.usage(subscription.deploymentID, window.from, window.to)))
            } catch {
                throw TenantMonthPricingError(message: "\(label(subscription)): \(error)")
            }
        }
        return month
    }

    /// The month's draft with `book`: each part quoted on its own days and usage, then the tax
    /// of the tenant's country.
    public func price(with book: PriceBook) throws(TenantMonthPricingError) -> PricedMonth {
        var priced: [TenantInvoiceDraft.PricedSubscription] = []
        var notes = self.notes
        for part in parts {
            let quote: Quote
            do {
                quote = try QuoteEngine.quote(QuoteRequest(planCode: part.subscription.planCode, addonCodes: part.subscription.addonCodes,
                                                           usage: part.usage, period: period, daysActive: part.window.days), in: book)
            } catch {
                throw TenantMonthPricingError(message: "\(Self.label(part.subscription)): \(error)")
            }
            if !quote.unpricedKinds.isEmpty {
                notes.append("\(Self.label(part.subscription)): usage of \(quote.unpricedKinds.map(\.rawValue).joined(separator: ", ")) is not priced by the plan")
            }
            priced.append(.init(subscriptionID: part.subscription.id, deploymentID: part.subscription.deploymentID, quote: quote))
        }
        let taxRate = book.taxRate(country: tenant.country)
        if taxRate == nil, !priced.isEmpty {
            notes.append("country \(tenant.country) has no tax rate in price book '\(book.name)', so no tax is charged")
        }
        guard let draft = TenantInvoiceDraft(priced, taxRate: taxRate) else {
            throw TenantMonthPricingError(message: "the invoice's subtotal, tax or total does not fit in integer cents")
        }
        return PricedMonth(draft: draft, isEmpty: priced.isEmpty, notes: notes)
    }

    static func label(_ subscription: Subscription) -> String {
        "deployment \(subscription.deploymentCode), plan \(subscription.planCode) from \(subscription.startedAt)"
    }
}

/// A month priced: the draft (empty when no subscription was billed) and what the report says.
public struct PricedMonth: Sendable {
    var draft: TenantInvoiceDraft
    public var isEmpty: Bool
    public var notes: [String]
    public var subtotal: Money { draft.subtotal }
    public var tax: Money { draft.tax }
    public var total: Money { draft.total }
}

public struct TenantMonthPricingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
