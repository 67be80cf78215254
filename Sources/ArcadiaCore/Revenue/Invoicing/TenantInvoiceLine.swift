import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// One line of a tenant invoice (`tenant_invoice_lines`): a quote line tagged with the deployment
/// and subscription it bills, or the tenant-level tax line (no deployment).
public struct TenantInvoiceLine: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tenant_invoice_lines"

    public enum Columns: String, ColumnExpression {
        case id, invoiceID = "invoice_id", lineNo = "line_no", kind = "line_type", deploymentID = "deployment_id"
        case subscriptionID = "subscription_id", resourceKind = "resource_kind", description, quantity
        case unitPrice = "unit_price", amount = "amount_cents"
        case daysActive = "days_active", daysInPeriod = "days_in_period", usedQuantity = "used_quantity"
        case includedQuantity = "included_quantity", allowance = "allowance_quantity"
    }

    public enum Kind: String, Sendable, Equatable {
        case planBase = "plan_base"
        case addon
        case overage
        case tax
    }

    /// The invoice it belongs to; 0 on a draft's lines, before the invoice is stored.
    public var invoiceID: Int64
    public var lineNo: Int
    public var kind: Kind
    public var deploymentID: Int64?
    /// The deployment's code (from `deployments`): nil exactly for the tax line.
    public var deploymentCode: String?
    public var subscriptionID: Int64?
    /// The billing kind an overage line charges.
    public var resourceKind: BillingKind?
    public var description: String
    /// As on the quote line; on the tax line, the subtotal in dollars (and the rate as unit price).
    public var quantity: Decimal
    public var unitPrice: Decimal
    public var amount: Money
    /// What recomputes the amount from the line alone (`docs/revenue.md`, "Recomputing a line"):
    /// the days the subscription was active and the days of the period (base, addon and overage
    /// lines), and on overage lines the usage, the month's allowance and the allowance charged
    /// against after proration. Nil on the tax line, whose quantity and rate suffice.
    public var daysActive: Int?
    public var daysInPeriod: Int?
    public var usedQuantity: Decimal?
    public var includedQuantity: Decimal?
    public var allowance: Decimal?

    public init(invoiceID: Int64 = 0, lineNo: Int, kind: Kind, deploymentID: Int64?, deploymentCode: String? = nil,
                subscriptionID: Int64?, resourceKind: BillingKind?, description: String, quantity: Decimal, unitPrice: Decimal,
                amount: Money, daysActive: Int? = nil, daysInPeriod: Int? = nil, usedQuantity: Decimal? = nil,
                includedQuantity: Decimal? = nil, allowance: Decimal? = nil) {
        self.invoiceID = invoiceID
        self.lineNo = lineNo
        self.kind = kind
        self.deploymentID = deploymentID
        self.deploymentCode = deploymentCode
        self.subscriptionID = subscriptionID
        self.resourceKind = resourceKind
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.daysActive = daysActive
        self.daysInPeriod = daysInPeriod
        self.usedQuantity = usedQuantity
        self.includedQuantity = includedQuantity
        self.allowance = allowance
    }

    /// A row of `tenant_invoice_lines` joined with its deployment (`deployment_code`).
    public init(row: Row) throws {
        invoiceID = try row.decode(forColumn: Columns.invoiceID)
        lineNo = try row.decode(forColumn: Columns.lineNo)
        kind = try row.decode(forColumn: Columns.kind)
        deploymentID = try row.decode(forColumn: Columns.deploymentID)
        deploymentCode = try row.decode(forColumn: "deployment_code")
        subscriptionID = try row.decode(forColumn: Columns.subscriptionID)
        resourceKind = try row.decode(forColumn: Columns.resourceKind)
        description = try row.decode(forColumn: Columns.description)
        quantity = try row.decodeDecimalText(Columns.quantity)
        unitPrice = try row.decodeDecimalText(Columns.unitPrice)
        amount = try row.decode(forColumn: Columns.amount)
        daysActive = try row.decode(forColumn: Columns.daysActive)
        daysInPeriod = try row.decode(forColumn: Columns.daysInPeriod)
        usedQuantity = try row.decodeDecimalTextIfPresent(Columns.usedQuantity)
        includedQuantity = try row.decodeDecimalTextIfPresent(Columns.includedQuantity)
        allowance = try row.decodeDecimalTextIfPresent(Columns.allowance)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.invoiceID] = invoiceID
        container[Columns.lineNo] = lineNo
        container[Columns.kind] = kind
        container[Columns.deploymentID] = deploymentID
        container[Columns.subscriptionID] = subscriptionID
        container[Columns.resourceKind] = resourceKind
        container[Columns.description] = description
        container[Columns.quantity] = DecimalText.format(quantity)
        container[Columns.unitPrice] = DecimalText.format(unitPrice)
        container[Columns.amount] = amount
        container[Columns.daysActive] = daysActive
        container[Columns.daysInPeriod] = daysInPeriod
        container[Columns.usedQuantity] = usedQuantity.map(DecimalText.format)
        container[Columns.includedQuantity] = includedQuantity.map(DecimalText.format)
        container[Columns.allowance] = allowance.map(DecimalText.format)
    }
}
