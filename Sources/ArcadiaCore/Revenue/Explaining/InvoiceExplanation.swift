import DigitalOcean
import Foundation
import MoneyAndTime

/// Where each figure of a tenant invoice came from: for every line, the price book and the plan,
/// plan item or addon that priced it, the allowance and how it was prorated, and the usage behind
/// it, down to the usage records, their resources and the sync observations (resource events)
/// that produced them. Built by `InvoiceExplainer`; `text` and `json` render the same content.
public struct InvoiceExplanation: Sendable, Equatable {
    public var invoice: TenantInvoice
    /// The book in effect at the period's start, the one the rollup prices with (nil if none is).
    public var priceBook: PriceBookName?
    public var lines: [Line]

    /// The explanation of line `number` alone (the CLI's `--line`, the API's `?line=`), nil when
    /// the invoice has no such line.
    public func only(line number: Int) -> InvoiceExplanation? {
        guard lines.contains(where: { $0.line.lineNo == number }) else { return nil }
        var one = self
        one.lines = lines.filter { $0.line.lineNo == number }
        return one
    }

    public struct PriceBookName: Sendable, Equatable {
        public var name: String
        public var effectiveFrom: Timestamp
    }

    public struct Line: Sendable, Equatable {
        public var line: TenantInvoiceLine
        /// The subscription it bills and the whole days it was billed for (nil on the tax line).
        public var subscription: Subscription?
        public var window: BillingWindow?
        /// What in the book priced it.
        public var pricedBy: PricedBy?
        /// On an overage line: the month's allowance and what was charged against.
        public var allowance: Allowance?
        /// The usage the line is about: its own billing kind on an overage line; on a plan line,
        /// the subscription's usage that stayed within the allowance (it has no line of its own).
        public var usage: [Usage]
    }

    public enum PricedBy: Sendable, Equatable {
        case plan(code: String, name: String, monthlyPrice: Money)
        case addon(code: String, name: String, monthlyPrice: Money, allowance: Addon.Allowance?)
        case planItem(plan: String, billingKind: BillingKind, included: Decimal, overage: OveragePrice)
        case tax(label: String, rate: Decimal)
        /// The line names a plan or addon the book no longer has.
        case missing(String)
    }

    public struct Allowance: Sendable, Equatable {
        /// The month's allowance (the plan's plus its addons').
        public var included: Decimal
        /// What was charged against: `included` prorated by days active when the book says so.
        public var charged: Decimal
        public var daysActive: Int
        public var daysInPeriod: Int
        public var prorated: Bool { charged != included }
    }

    /// One billing kind's usage over the subscription's window.
    public struct Usage: Sendable, Equatable {
        public var billingKind: BillingKind
        public var quantity: Decimal
        public var resources: [ResourceUsage]
        /// How long metering keeps this kind's records (`metering_config`), when it prunes them: a
        /// line whose records are gone may have been billed from records retention has since deleted.
        public var retentionDays: Int?
    }

    /// What one resource accrued, the records that say so and what the sync saw of it.
    public struct ResourceUsage: Sendable, Equatable {
        public var resource: ResourceRef
        public var quantity: Decimal
        public var records: [Record]
        /// Its resource events up to the window's end, in order: when it was created, changed
        /// (status, size, project), went stale or came back, as the syncs observed it.
        public var events: [ResourceEvent]
    }

    public struct Record: Sendable, Equatable {
        public var periodStart: Timestamp
        public var periodEnd: Timestamp
        public var granularity: MeteringGranularity
        public var quantity: Decimal
        public var recordedAt: Timestamp
    }
}
