import DigitalOcean
import Foundation

/// A tenant's invoice for one period, as the ledger holds it (`tenant_invoices` and its lines).
public struct TenantInvoice: Sendable, Equatable {
    public var id: Int64
    public var tenant: String
    public var period: BillingPeriod
    public var status: TenantInvoiceStatus
    public var subtotal: Money
    public var tax: Money
    public var total: Money
    public var createdAt: Timestamp
    public var issuedAt: Timestamp?
    public var paidAt: Timestamp?
    public var voidedAt: Timestamp?
    /// By `line_no`.
    public var lines: [TenantInvoiceLine]

    public init(id: Int64, tenant: String, period: BillingPeriod, status: TenantInvoiceStatus, subtotal: Money, tax: Money,
                total: Money, createdAt: Timestamp, issuedAt: Timestamp?, paidAt: Timestamp?, voidedAt: Timestamp?,
                lines: [TenantInvoiceLine]) {
        self.id = id
        self.tenant = tenant
        self.period = period
        self.status = status
        self.subtotal = subtotal
        self.tax = tax
        self.total = total
        self.createdAt = createdAt
        self.issuedAt = issuedAt
        self.paidAt = paidAt
        self.voidedAt = voidedAt
        self.lines = lines
    }
}

/// One line of a tenant invoice: a quote line tagged with the deployment and subscription it
/// bills, or the tenant-level tax line (no deployment).
public struct TenantInvoiceLine: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case planBase = "plan_base"
        case addon
        case overage
        case tax
    }

    public var lineNo: Int
    public var kind: Kind
    public var deploymentID: Int64?
    public var subscriptionID: Int64?
    /// The billing kind an overage line charges.
    public var resourceKind: BillingKind?
    public var description: String
    /// As on the quote line; on the tax line, the subtotal in dollars (and the rate as unit price).
    public var quantity: Decimal
    public var unitPrice: Decimal
    public var amount: Money

    public init(lineNo: Int, kind: Kind, deploymentID: Int64?, subscriptionID: Int64?, resourceKind: BillingKind?,
                description: String, quantity: Decimal, unitPrice: Decimal, amount: Money) {
        self.lineNo = lineNo
        self.kind = kind
        self.deploymentID = deploymentID
        self.subscriptionID = subscriptionID
        self.resourceKind = resourceKind
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
    }
}
