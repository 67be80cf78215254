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
    /// Whether a plan's allowances shrink with the days charged, as its base price does (the
    /// default), so a mid-month plan change does not grant two whole allowances.
    public var prorateAllowances: Bool
    public var taxRates: [TaxRate]
    public var plans: [Plan]
    public var addons: [Addon]

    public init(name: String, effectiveFrom: Timestamp, prorate: Bool = true, prorateAllowances: Bool = true,
                taxRates: [TaxRate] = [], plans: [Plan], addons: [Addon] = []) {
        self.name = name
        self.effectiveFrom = effectiveFrom
        self.prorate = prorate
        self.prorateAllowances = prorateAllowances
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
    /// The whole month's allowance, before proration.
    public var includedQuantity: Decimal
    /// What each unit above the allowance costs.
    public var overage: OveragePrice

    public init(billingKind: BillingKind, includedQuantity: Decimal, overage: OveragePrice) {
        self.billingKind = billingKind
        self.includedQuantity = includedQuantity
        self.overage = overage
    }

    /// A flat price per unit above the allowance.
    public init(billingKind: BillingKind, includedQuantity: Decimal, overageUnitPrice: Decimal) {
        self.init(billingKind: billingKind, includedQuantity: includedQuantity, overage: .flat(overageUnitPrice))
    }
}

/// The price of usage above the allowance. Tiers count units above the allowance from zero, as
/// Stripe's and Orb's do: `graduated` prices each unit at its own tier's price (one line per tier
/// reached), `volume` prices every unit at the price of the tier the total reached (one line).
public enum OveragePrice: Sendable, Equatable {
    /// Dollars per unit; may be a fraction of a cent (`0.0125`).
    case flat(Decimal)
    case graduated([PriceTier])
    case volume([PriceTier])

    /// The stored mode: `flat`, `graduated` or `volume`.
    public var mode: String {
        switch self {
        case .flat: "flat"
        case .graduated: "graduated"
        case .volume: "volume"
        }
    }

    public var tiers: [PriceTier] {
        switch self {
        case .flat: []
        case .graduated(let tiers), .volume(let tiers): tiers
        }
    }
}

/// One tier: units from the previous tier's `upTo` (0 for the first) up to but excluding `upTo`
/// (inclusive-exclusive, so a quantity exactly at a boundary belongs to the next tier); the last
/// tier has no `upTo`.
public struct PriceTier: Sendable, Equatable {
    public var upTo: Decimal?
    public var unitPrice: Decimal

    public init(upTo: Decimal?, unitPrice: Decimal) {
        self.upTo = upTo
        self.unitPrice = unitPrice
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

    /// The tax on a subtotal, rounded once (nil when it does not fit in integer cents): the one
    /// rule the rollup's tax line and `arcadia quote --country` share.
    public func tax(on subtotal: Money) -> Money? { Money(roundingDollars: subtotal.dollars * rate) }

    /// `GST 10%`: the tax line's description.
    public var lineDescription: String { "\(label) \(DecimalText.format(rate * 100))%" }
}
