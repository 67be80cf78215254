import DigitalOcean
import GRDB
import MoneyAndTime

/// One `usage_records` row: what one resource accrued for one deployment over one period.
public struct UsageRecord: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "usage_records"

    public enum Columns: String, ColumnExpression {
        case id, deploymentID = "deployment_id", resourceID = "resource_id", billingKind = "billing_kind"
        case periodStart = "period_start", periodEnd = "period_end", granularity, quantity, recordedAt = "recorded_at"
    }

    public var deploymentID: Int64
    public var resourceID: Int64
    public var billingKind: BillingKind
    public var periodStart: Timestamp
    public var periodEnd: Timestamp
    public var granularity: MeteringGranularity
    public var quantity: UsageQuantity
    public var recordedAt: Timestamp

    public init(deploymentID: Int64, resourceID: Int64, billingKind: BillingKind, periodStart: Timestamp, periodEnd: Timestamp,
                granularity: MeteringGranularity, quantity: UsageQuantity, recordedAt: Timestamp) {
        self.deploymentID = deploymentID
        self.resourceID = resourceID
        self.billingKind = billingKind
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.granularity = granularity
        self.quantity = quantity
        self.recordedAt = recordedAt
    }

    public init(row: Row) throws {
        deploymentID = try row.decode(forColumn: Columns.deploymentID)
        resourceID = try row.decode(forColumn: Columns.resourceID)
        billingKind = try row.decode(forColumn: Columns.billingKind)
        periodStart = try row.decode(forColumn: Columns.periodStart)
        periodEnd = try row.decode(forColumn: Columns.periodEnd)
        granularity = try row.decode(forColumn: Columns.granularity)
        quantity = try row.decode(forColumn: Columns.quantity)
        recordedAt = try row.decode(forColumn: Columns.recordedAt)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.deploymentID] = deploymentID
        container[Columns.resourceID] = resourceID
        container[Columns.billingKind] = billingKind
        container[Columns.periodStart] = periodStart
        container[Columns.periodEnd] = periodEnd
        container[Columns.granularity] = granularity
        container[Columns.quantity] = quantity
        container[Columns.recordedAt] = recordedAt
    }
}
