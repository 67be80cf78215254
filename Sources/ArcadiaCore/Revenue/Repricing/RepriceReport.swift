import Foundation
import MoneyAndTime

/// What `arcadia reprice` found: one row per tenant-month, then per candidate book the change in
/// revenue, who pays more and less, and the biggest movers. Deltas are against the invoiced
/// total, or, for a month never invoiced, the total the book in effect then gives.
public struct RepriceReport: Sendable, Equatable {
    public struct Figures: Sendable, Equatable {
        public var subtotal: Money
        public var tax: Money
        public var total: Money
    }

    public enum Outcome: Sendable, Equatable {
        case priced(Figures)
        /// The candidate cannot price the month (a plan it lacks): said, never skipped.
        case failed(String)

        public var figures: Figures? {
            if case .priced(let figures) = self { return figures }
            return nil
        }
    }

    public struct Row: Sendable, Equatable {
        public var tenant: String
        public var period: BillingPeriod
        /// The stored invoice (issued, paid or a draft); nil for a month never invoiced.
        public var invoiced: Figures?
        public var inEffectBook: String?
        /// The month priced again with the book in effect then.
        public var requoted: Figures?
        /// Where the ledger and a fresh pricing disagree, or the month cannot be priced.
        public var finding: String?
        /// One per candidate, in the order asked.
        public var candidates: [Outcome]
        /// What DigitalOcean charged for the tenant's deployments that month (`cost_attribution`).
        public var cost: Money = .zero
        /// What pricing left out and said so, as a rollup would (a subscription active for no
        /// whole day, usage a plan does not price, a country without a tax rate); a note only some
        /// books give names them.
        public var notes: [String] = []

        /// What the deltas are measured from.
        public var baseline: Money? { invoiced?.total ?? requoted?.total }

        /// The baseline before tax: what the platform keeps, set against DO's cost for the margin.
        public var baselineSubtotal: Money? { invoiced?.subtotal ?? requoted?.subtotal }

        /// Nil when either side is missing (or the difference would not fit in cents).
        public func delta(_ candidate: Int) -> Money? {
            guard let baseline, let total = candidates[candidate].figures?.total else { return nil }
            return try? total.adding(-baseline)
        }
    }

    /// Per candidate book: the whole report's change.
    public struct Summary: Sendable, Equatable {
        public var book: String
        public var baseline: Money
        public var candidate: Money
        public var change: Money
        /// Tenants whose bill over the whole range rises, falls or stays, and months the book
        /// could not price.
        public var tenantsUp: Int
        public var tenantsDown: Int
        public var tenantsSame: Int
        public var unpriced: Int
        /// Up to five tenants by the size of their change, largest first (ties by code).
        public var movers: [(tenant: String, change: Money)]
        /// DO's cost of the priced months, and the margin over it (subtotals, tax being passed on)
        /// as invoiced and with the candidate: what the price change does to the margin.
        public var cost: Money
        public var baselineMargin: Money
        public var candidateMargin: Money

        public static func == (a: Summary, b: Summary) -> Bool {
            a.cost == b.cost && a.baselineMargin == b.baselineMargin && a.candidateMargin == b.candidateMargin
                && a.book == b.book && a.baseline == b.baseline && a.change == b.change && a.candidate == b.candidate && a.tenantsUp == b.tenantsUp
                && a.tenantsDown == b.tenantsDown && a.tenantsSame == b.tenantsSame && a.unpriced == b.unpriced
                && a.movers.map(\.tenant) == b.movers.map(\.tenant) && a.movers.map(\.change) == b.movers.map(\.change)
        }
    }

    public var candidates: [String]
    public var rows: [Row]
    /// Months in range that DigitalOcean billed and a tenant held a subscription in, but that no
    /// row reprices: the ledger has neither usage covering them nor a tenant invoice (history
    /// imported without `--derive-usage`). Said, so that a month is never missing without a word.
    public var notRepriced: [BillingPeriod] = []

    /// Throws `MoneyOverflow` only for sums beyond integer cents (amounts are bounded, so never in
    /// practice), rather than trapping.
    public func summaries() throws(MoneyOverflow) -> [Summary] {
        try candidates.indices.map { index throws(MoneyOverflow) in
            var baseline = Money.zero
            var candidate = Money.zero
            var unpriced = 0
            var cost = Money.zero
            var baselineMargin = Money.zero
            var candidateMargin = Money.zero
            var byTenant: [String: Money] = [:]
            for row in rows {
                guard let base = row.baseline, let baseSubtotal = row.baselineSubtotal, let figures = row.candidates[index].figures else {
                    unpriced += 1
                    continue
                }
                let total = figures.total
                baseline = try baseline.adding(base)
                candidate = try candidate.adding(total)
                cost = try cost.adding(row.cost)
                baselineMargin = try baselineMargin.adding(try baseSubtotal.adding(-row.cost))
                candidateMargin = try candidateMargin.adding(try figures.subtotal.adding(-row.cost))
                byTenant[row.tenant] = try byTenant[row.tenant, default: .zero].adding(try total.adding(-base))
            }
            let changes = byTenant.sorted { $0.key < $1.key }
            let movers = changes.filter { $0.value != .zero }
                .sorted { (abs($0.value.cents), $1.key) > (abs($1.value.cents), $0.key) }.prefix(5).map { (tenant: $0.key, change: $0.value) }
            return Summary(book: candidates[index], baseline: baseline, candidate: candidate, change: try candidate.adding(-baseline),
                           tenantsUp: changes.filter { $0.value > .zero }.count, tenantsDown: changes.filter { $0.value < .zero }.count,
                           tenantsSame: changes.filter { $0.value == .zero }.count, unpriced: unpriced, movers: movers, cost: cost,
                           baselineMargin: baselineMargin, candidateMargin: candidateMargin)
        }
    }

    /// `+12.5%`: the change as a percentage of `baseline`, one decimal, half up; nil unless the
    /// baseline is positive.
    public static func percentage(_ change: Money, of baseline: Money) -> String? {
        guard baseline > .zero else { return nil }
        // In 128 bits: a change of a few trillion dollars times 1,000 does not fit in 64.
        let tenths = Money.roundHalfUp(Int128(change.cents) * 1_000, dividedBy: Int128(baseline.cents))
        let sign = tenths > 0 ? "+" : tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)%"
    }
}
