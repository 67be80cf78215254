import DigitalOcean
import GRDB
import MoneyAndTime

/// A `usage_records` row derived from one imported invoice line (`arcadia import do-invoice
/// --derive-usage`): source `do_invoice`, granularity `invoice`, one record spanning the line's own
/// start and end. It keeps the line it came from (`cloud_invoice_id`, `cost_line_no`), so a month's
/// derived records are replaced with its lines, and its resource is the line's matched resource or
/// none (an imported month may bill resources the ledger never inventoried).
public struct DerivedUsageRecord: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "usage_records"
    /// The granularity value of every derived record.
    public static let granularity = "invoice"

    public enum Columns: String, ColumnExpression {
        case deploymentID = "deployment_id", resourceID = "resource_id", billingKind = "billing_kind"
        case periodStart = "period_start", periodEnd = "period_end", granularity, quantity, recordedAt = "recorded_at"
        case source, invoiceRowID = "cloud_invoice_id", lineNo = "cost_line_no"
    }

    public var deploymentID: Int64
    /// The `cloud_resources` row the line matched; nil when the ledger has none.
    public var resourceID: Int64?
    public var billingKind: BillingKind
    public var periodStart: Timestamp
    public var periodEnd: Timestamp
    public var quantity: UsageQuantity
    public var recordedAt: Timestamp
    /// The `cloud_invoices.id` of the imported month.
    public var invoiceRowID: Int64
    /// The line's `line_no`.
    public var lineNo: Int

    public init(deploymentID: Int64, resourceID: Int64?, billingKind: BillingKind, periodStart: Timestamp, periodEnd: Timestamp,
                quantity: UsageQuantity, recordedAt: Timestamp, invoiceRowID: Int64, lineNo: Int) {
        self.deploymentID = deploymentID
        self.resourceID = resourceID
        self.billingKind = billingKind
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.quantity = quantity
        self.recordedAt = recordedAt
        self.invoiceRowID = invoiceRowID
        self.lineNo = lineNo
    }

    public init(row: Row) throws {
        deploymentID = try row.decode(forColumn: Columns.deploymentID)
        resourceID = try row.decode(forColumn: Columns.resourceID)
        billingKind = try row.decode(forColumn: Columns.billingKind)
        periodStart = try row.decode(forColumn: Columns.periodStart)
        periodEnd = try row.decode(forColumn: Columns.periodEnd)
        quantity = try row.decode(forColumn: Columns.quantity)
        recordedAt = try row.decode(forColumn: Columns.recordedAt)
        invoiceRowID = try row.decode(forColumn: Columns.invoiceRowID)
        lineNo = try row.decode(forColumn: Columns.lineNo)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.deploymentID] = deploymentID
        container[Columns.resourceID] = resourceID
        container[Columns.billingKind] = billingKind
        container[Columns.periodStart] = periodStart
        container[Columns.periodEnd] = periodEnd
        container[Columns.granularity] = Self.granularity
        container[Columns.quantity] = quantity
        container[Columns.recordedAt] = recordedAt
        container[Columns.source] = UsageRecordSource.doInvoice
        container[Columns.invoiceRowID] = invoiceRowID
        container[Columns.lineNo] = lineNo
    }

    /// Equal apart from when it was recorded: what decides that a re-import changes nothing.
    func sameUsage(as other: DerivedUsageRecord) -> Bool {
        var other = other
        other.recordedAt = recordedAt
        return self == other
    }

    /// Deletes the imported month's derived records; returns how many went.
    static func deleteAll(_ db: Database, invoiceRowID: Int64) throws -> Int {
        try DerivedUsageRecord.filter(Columns.source == UsageRecordSource.doInvoice.rawValue && Columns.invoiceRowID == invoiceRowID).deleteAll(db)
    }

    /// The imported month's derived records, by line.
    static func all(_ db: Database, invoiceRowID: Int64) throws -> [DerivedUsageRecord] {
        try DerivedUsageRecord.filter(Columns.source == UsageRecordSource.doInvoice.rawValue && Columns.invoiceRowID == invoiceRowID)
            .order(Columns.lineNo).fetchAll(db)
    }
}
