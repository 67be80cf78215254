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

/// The one quote engine: provisioning's projection (`arcadia quote`) and the month-end rollup both
/// price through it, so a quoted and an invoiced price cannot disagree. Pure: no ledger, no clock.
///
/// The rules (`docs/revenue.md`): base and each addon cost their monthly price × days charged ÷
/// days in the month, where days charged is `daysActive` with proration on and the whole month
/// with it off; a billing kind's allowance is the plan item's included quantity plus every
/// addon's for that kind (allowances are not prorated); usage above the allowance costs quantity
/// × unit price. Each line is rounded once, half up, to the cent (`Money.roundHalfUp`).
public enum QuoteEngine {
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
            let allowance = addons.compactMap(\.allowance).filter { $0.billingKind == item.billingKind }
                .reduce(item.includedQuantity) { $0 + $1.quantity }
            guard used > allowance else { continue }
            let over = used - allowance
            let description = "Overage: \(item.billingKind) (\(DecimalText.format(used)) used, \(DecimalText.format(allowance)) included)"
            guard let amount = Money(roundingDollars: over * item.overageUnitPrice) else { throw .amountOutOfRange(line: description) }
            lines.append(QuoteLine(kind: .overage, description: description, billingKind: item.billingKind,
                                   quantity: over, unitPrice: item.overageUnitPrice, amount: amount))
        }
        let priced = Set(plan.items.map(\.billingKind))
        let unpriced = request.usage.filter { $0.value > 0 && !priced.contains($0.key) }.map(\.key).sorted()
        guard let subtotal = try? lines.map(\.amount).sum() else { throw .amountOutOfRange(line: "Subtotal") }
        return Quote(period: period, daysActive: request.daysActive, prorated: book.prorate, lines: lines, unpricedKinds: unpriced,
                     subtotal: subtotal)
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
