import DigitalOcean
import Foundation
import MoneyAndTime

/// What one subscription costs for (part of) one period: the quote engine's answer, shown at
/// provisioning and stored as invoice lines at month end.
public struct Quote: Sendable, Equatable {
    public var period: BillingPeriod
    /// Days the subscription was active in the period, 1 … `period.days`.
    public var daysActive: Int
    /// Whether base and addons were prorated (the book's flag); without it a partial month pays in full.
    public var prorated: Bool
    /// Whether allowances were prorated by the days charged (the book's `prorate_allowances`).
    public var proratedAllowances: Bool
    /// `plan_base`, then one `addon` line per addon in the order asked, then `overage` lines in
    /// the plan's item order.
    public var lines: [QuoteLine]
    /// Billing kinds with usage that the plan has no item for: used, but not charged.
    public var unpricedKinds: [BillingKind]
    /// Σ of the lines; the engine refuses a quote whose subtotal does not fit in integer cents.
    public var subtotal: Money
}

public struct QuoteLine: Sendable, Equatable {
    /// The ledger's `line_type` for each, except `tax`, which only a tenant invoice carries.
    public enum Kind: String, Sendable, Equatable {
        case planBase = "plan_base"
        case addon
        case overage
    }

    public var kind: Kind
    /// `Plan: starter`, `Addon: storage_50gb`, `Overage: droplet_hours (1000 used, 744 included)`.
    public var description: String
    /// The billing kind an overage line charges (nil on base and addon lines).
    public var billingKind: BillingKind?
    /// Base and addon lines: the days charged for (`daysActive`, or the whole month without
    /// proration). Overage lines: the quantity above the allowance.
    public var quantity: Decimal
    /// Base and addon lines: the monthly price in dollars. Overage lines: dollars per unit.
    public var unitPrice: Decimal
    public var amount: Money
    /// Overage lines: what was used, the month's allowance before proration (plan item plus
    /// addons), and the allowance charged against (prorated or not). Nil on base and addon lines.
    public var usedQuantity: Decimal?
    public var includedQuantity: Decimal?
    public var allowance: Decimal?

    public init(kind: Kind, description: String, billingKind: BillingKind? = nil, quantity: Decimal, unitPrice: Decimal,
                amount: Money, usedQuantity: Decimal? = nil, includedQuantity: Decimal? = nil, allowance: Decimal? = nil) {
        self.kind = kind
        self.description = description
        self.billingKind = billingKind
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.usedQuantity = usedQuantity
        self.includedQuantity = includedQuantity
        self.allowance = allowance
    }
}
