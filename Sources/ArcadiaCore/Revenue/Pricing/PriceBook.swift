import DigitalOcean
import Foundation
import MoneyAndTime

/// What the platform charges its tenants, from one effective date until the next book's.
///
/// The book in effect at a period's start prices that whole period (`PriceBookStore.book(inEffectAt:)`),
/// so a book effective on the 15th first prices the next month. `docs/revenue.md` describes it.
public struct PriceBook: Sendable, Equatable {
    public var name: String
    /// Midnight UTC of the first day it prices.
    public var effectiveFrom: Timestamp
    /// Whether a subscription active for part of a month pays base and addons by active days
    /// (the default) or the whole month.
    public var prorate: Bool
    public var taxRates: [TaxRate]
    public var plans: [Plan]
    public var addons: [Addon]

    public init(name: String, effectiveFrom: Timestamp, prorate: Bool = true, taxRates: [TaxRate] = [],
                plans: [Plan], addons: [Addon] = []) {
        self.name = name
        self.effectiveFrom = effectiveFrom
        self.prorate = prorate
        self.taxRates = taxRates
        self.plans = plans
        self.addons = addons
    }

    public func plan(_ code: String) -> Plan? { plans.first { $0.code == code } }
    public func addon(_ code: String) -> Addon? { addons.first { $0.code == code } }
    public func taxRate(country: String) -> TaxRate? { taxRates.first { $0.country == country } }
}

/// A plan: a monthly base price and, per billing kind, what is included and what more costs.
public struct Plan: Sendable, Equatable {
    public var code: String
    public var name: String
    public var basePrice: Money
    /// In the book's order, which is the order of the overage lines.
    public var items: [PlanItem]

    public init(code: String, name: String, basePrice: Money, items: [PlanItem] = []) {
        self.code = code
        self.name = name
        self.basePrice = basePrice
        self.items = items
    }
}

public struct PlanItem: Sendable, Equatable {
    /// A metered billing kind (`MeteredKinds.billingKinds`), e.g. `droplet_hours`.
    public var billingKind: BillingKind
    public var includedQuantity: Decimal
    /// Dollars per unit above the allowance; may be a fraction of a cent (`0.0125`).
    public var overageUnitPrice: Decimal

    public init(billingKind: BillingKind, includedQuantity: Decimal, overageUnitPrice: Decimal) {
        self.billingKind = billingKind
        self.includedQuantity = includedQuantity
        self.overageUnitPrice = overageUnitPrice
    }
}

/// Something a subscription adds to its plan for a monthly price, optionally raising one billing
/// kind's allowance (`storage_50gb` adds 50 to `spaces_gb_month`).
public struct Addon: Sendable, Equatable {
    public var code: String
    public var name: String
    public var monthlyPrice: Money
    public var allowance: Allowance?

    public init(code: String, name: String, monthlyPrice: Money, allowance: Allowance? = nil) {
        self.code = code
        self.name = name
        self.monthlyPrice = monthlyPrice
        self.allowance = allowance
    }

    public struct Allowance: Sendable, Equatable {
        public var billingKind: BillingKind
        public var quantity: Decimal
        public init(billingKind: BillingKind, quantity: Decimal) {
            self.billingKind = billingKind
            self.quantity = quantity
        }
    }
}

/// The tax a tenant's invoice carries, by the tenant's country (`AU`: GST 10 %).
public struct TaxRate: Sendable, Equatable {
    /// ISO 3166-1 alpha-2, upper case, as `tenants.country`.
    public var country: String
    /// The tax's name on the invoice, e.g. `GST`.
    public var label: String
    /// A fraction: `0.1` is 10 %.
    public var rate: Decimal

    public init(country: String, label: String, rate: Decimal) {
        self.country = country
        self.label = label
        self.rate = rate
    }

    /// `GST 10%`: the tax line's description.
    public var lineDescription: String { "\(label) \(DecimalText.format(rate * 100))%" }
}
