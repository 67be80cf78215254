import DigitalOcean
import MoneyAndTime

/// What a month-end rollup did, tenant by tenant: the engine's answer; the caller decides what
/// to print or record.
public struct RollupReport: Sendable, Equatable {
    public var period: BillingPeriod
    public var force: Bool
    /// `standard-2026 (effective 2026-01-01)`; nil when no book was in effect.
    public var priceBook: String?
    /// Set when subscriptions overlap the period but nothing could be priced (no price book in
    /// effect at the period's start).
    public var failure: String?
    /// By tenant code.
    public var tenants: [TenantRollup] = []

    /// Every invariant violation, each naming its tenant and period.
    public var findings: [String] { tenants.flatMap(\.findings) }

    /// One line per tenant (and the failure), for logs and the console.
    public var summary: [String] {
        (failure.map { ["\(period): \($0)"] } ?? []) + tenants.map { "\(period) \($0.tenant): \($0.outcome)" }
    }
}

/// One tenant's part of a rollup.
public struct TenantRollup: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable, CustomStringConvertible {
        /// A new draft; its total.
        case created(invoiceID: Int64, total: Money)
        /// A forced rollup rebuilt the existing draft in place.
        case rebuilt(invoiceID: Int64, total: Money)
        /// The period already has this invoice, and the rollup was not forced.
        case skipped(invoiceID: Int64, status: TenantInvoiceStatus)
        /// Forced, but the invoice is no longer a draft.
        case refused(TenantInvoiceError)
        /// No subscription of the tenant covers a whole day of the period.
        case nothingToBill
        /// A forced rollup found nothing to bill any more, so it voided the draft it would have rebuilt.
        case voidedDraft(invoiceID: Int64)
        /// The tenant could not be priced (a plan the book lacks, usage that cannot be read); nothing was written.
        case failed(String)

        public var description: String {
            switch self {
            case .created(let id, let total): return "created draft invoice \(id), total \(total)"
            case .rebuilt(let id, let total): return "rebuilt draft invoice \(id), total \(total)"
            case .skipped(let id, let status):
                return "skipped: invoice \(id) already exists (\(status.rawValue))" + (status == .draft ? "; force rebuilds a draft" : "")
            case .refused(let error): return "refused: \(error)"
            case .nothingToBill: return "nothing to bill"
            case .voidedDraft(let id): return "voided draft invoice \(id): nothing to bill any more"
            case .failed(let reason): return "failed: \(reason)"
            }
        }
    }

    public var tenant: String
    public var outcome: Outcome
    /// Invariant violations found on the stored invoice.
    public var findings: [String] = []
    /// Worth knowing but not wrong: a subscription billed for no day, usage no plan item prices.
    public var notes: [String] = []
}

/// What a `revenue.issue` run did.
public struct IssueReport: Sendable, Equatable {
    /// `tenant period` of each draft issued, in the order issued.
    public var issued: [String] = []
    /// Drafts kept back because an invariant failed or usage of their month is not metered yet.
    public var findings: [String] = []
    /// `tenant period` of each draft rebuilt first, with usage metered after it was built.
    public var rebuilt: [String] = []
}
