import DigitalOcean
import Foundation
import MoneyAndTime

/// What a subscription is quoted: a plan, its addons and the usage to price, for `daysActive`
/// days of `period`.
public struct QuoteRequest: Sendable, Equatable {
    public var planCode: String
    public var addonCodes: [String]
    /// Quantity per billing kind over the days active.
    public var usage: [BillingKind: Decimal]
    public var period: BillingPeriod
    public var daysActive: Int

    /// `daysActive` defaults to the whole period.
    public init(planCode: String, addonCodes: [String] = [], usage: [BillingKind: Decimal] = [:], period: BillingPeriod,
                daysActive: Int? = nil) {
        self.planCode = planCode
        self.addonCodes = addonCodes
        self.usage = usage
        self.period = period
        self.daysActive = daysActive ?? period.days
    }
}

/// The one quote engine: provisioning's projection (`arcadia quote`), the month-end rollup and
/// `arcadia reprice` all price through it, so a quoted, an invoiced and a repriced figure cannot
/// disagree. Pure: no ledger, no clock.
///
/// The rules (`docs/revenue.md`): base and each addon cost their monthly price × days charged ÷
/// days in the month, where days charged is `daysActive` with proration on and the whole month
/// with it off. A billing kind's allowance is the plan item's included quantity plus every
/// addon's for that kind, × days charged ÷ days in the month unless the book turns
/// `prorate_allowances` off (rounded half up to `allowanceScale` decimals). Usage above the
/// allowance is priced flat or by tiers (`OveragePrice`). Each line is rounded once, half up, to
/// the cent (`Money.roundHalfUp`).
public enum QuoteEngine {
    /// Decimals a prorated allowance keeps: `250 × 17 ÷ 30` is `141.666667`.
    public static let allowanceScale: Int16 = 6

    public static func quote(_ request: QuoteRequest, in book: PriceBook) throws(QuoteError) -> Quote {
        let period = request.period
        guard let plan = book.plan(request.planCode) else {
            throw .unknownPlan(request.planCode, book: book.name, known: book.plans.map(\.code))
        }
        var addons: [Addon] = []
        for code in request.addonCodes {
            guard let addon = book.addon(code) else { throw .unknownAddon(code, book: book.name, known: book.addons.map(\.code)) }
            guard !addons.contains(where: { $0.code == code }) else { throw .addonTwice(code) }
            addons.append(addon)
        }
        guard (1...period.days).contains(request.daysActive) else { throw .daysOutOfRange(request.daysActive, period: period) }
        for kind in request.usage.keys.sorted() {
            if let quantity = request.usage[kind], quantity < 0 { throw .negativeUsage(billingKind: kind, quantity: quantity) }
        }

        let daysCharged = book.prorate ? request.daysActive : period.days
        var lines = [try monthlyLine(.planBase, "Plan: \(plan.code)", plan.basePrice, daysCharged: daysCharged, of: period)]
        for addon in addons {
            lines.append(try monthlyLine(.addon, "Addon: \(addon.code)", addon.monthlyPrice, daysCharged: daysCharged, of: period))
        }
        for item in plan.items {
            let used = request.usage[item.billingKind] ?? 0
            let included = addons.compactMap(\.allowance).filter { $0.billingKind == item.billingKind }
                .reduce(item.includedQuantity) { $0 + $1.quantity }
            let allowance = book.prorateAllowances ? prorated(included, days: daysCharged, of: period) : included
            guard used > allowance else { continue }
            lines += try overageLines(item, used: used, included: included, allowance: allowance)
        }
        let priced = Set(plan.items.map(\.billingKind))
        let unpriced = request.usage.filter { $0.value > 0 && !priced.contains($0.key) }.map(\.key).sorted()
        guard let subtotal = try? lines.map(\.amount).sum() else { throw .amountOutOfRange(line: "Subtotal") }
        return Quote(period: period, daysActive: request.daysActive, prorated: book.prorate,
                     proratedAllowances: book.prorateAllowances, lines: lines, unpricedKinds: unpriced, subtotal: subtotal)
    }

    /// `included × days ÷ days in the month`, half up to `allowanceScale` decimals; a whole month
    /// is exactly `included`.
    public static func prorated(_ included: Decimal, days: Int, of period: BillingPeriod) -> Decimal {
        guard days != period.days else { return included }
        var exact = included * Decimal(days) / Decimal(period.days)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, Int(allowanceScale), .plain)
        return rounded
    }

    /// One line for a flat price or a volume tier, one per tier reached for graduated tiers.
    private static func overageLines(_ item: PlanItem, used: Decimal, included: Decimal,
                                     allowance: Decimal) throws(QuoteError) -> [QuoteLine] {
        let over = used - allowance
        let allowanceText = allowance == included ? DecimalText.format(included)
            : "\(DecimalText.format(allowance)) of \(DecimalText.format(included))"
        let base = "Overage: \(item.billingKind) (\(DecimalText.format(used)) used, \(allowanceText) included)"
        var parts: [(description: String, quantity: Decimal, unitPrice: Decimal)] = []
        switch item.overage {
        case .flat(let price):
            parts = [(base, over, price)]
        case .volume(let tiers):
            let (index, tier) = tierReached(tiers, by: over)
            parts = [("\(base), volume tier \(index + 1) \(range(tiers, index))", over, tier.unitPrice)]
        case .graduated(let tiers):
            var from: Decimal = 0
            for (index, tier) in tiers.enumerated() where from < over {
                let to = tier.upTo.map { min($0, over) } ?? over
                parts.append(("\(base), tier \(index + 1) \(range(tiers, index))", to - from, tier.unitPrice))
                from = to
            }
        }
        return try parts.map { part throws(QuoteError) in
            guard let amount = Money(roundingDollars: part.quantity * part.unitPrice) else { throw .amountOutOfRange(line: part.description) }
            return QuoteLine(kind: .overage, description: part.description, billingKind: item.billingKind, quantity: part.quantity,
                             unitPrice: part.unitPrice, amount: amount, usedQuantity: used, includedQuantity: included, allowance: allowance)
        }
    }

    /// The tier whose range holds `quantity` (a quantity at a boundary is in the next tier).
    private static func tierReached(_ tiers: [PriceTier], by quantity: Decimal) -> (Int, PriceTier) {
        for (index, tier) in tiers.enumerated() where tier.upTo.map({ quantity < $0 }) ?? true { return (index, tier) }
        return (tiers.count - 1, tiers[tiers.count - 1])
    }

    /// `[0, 1000)` or `[1000, …)`: the tier's units above the allowance.
    private static func range(_ tiers: [PriceTier], _ index: Int) -> String {
        let from = index == 0 ? Decimal(0) : tiers[index - 1].upTo ?? 0
        return "[\(DecimalText.format(from)), \(tiers[index].upTo.map(DecimalText.format) ?? "…"))"
    }

    /// Monthly price × days charged ÷ days in the month, rounded once: a whole month is exactly
    /// the monthly price, whatever the month's length.
    private static func monthlyLine(_ kind: QuoteLine.Kind, _ description: String, _ monthly: Money,
                                    daysCharged: Int, of period: BillingPeriod) throws(QuoteError) -> QuoteLine {
        guard let amount = try? monthly.scaled(by: daysCharged, dividedBy: period.days) else { throw .amountOutOfRange(line: description) }
        return QuoteLine(kind: kind, description: description, billingKind: nil, quantity: Decimal(daysCharged),
                         unitPrice: monthly.dollars, amount: amount)
    }
}
