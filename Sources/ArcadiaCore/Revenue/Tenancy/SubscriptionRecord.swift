import DigitalOcean
import GRDB
import MoneyAndTime

/// One `subscriptions` row, without its addons or deployment code: what `Subscription` is loaded from.
public struct SubscriptionRecord: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "subscriptions"

    public enum Columns: String, ColumnExpression {
        case id, deploymentID = "deployment_id", planCode = "plan_code", startedAt = "started_at", endedAt = "ended_at"
    }

    public var id: Int64
    public var deploymentID: Int64
    public var planCode: String
    public var startedAt: Timestamp
    public var endedAt: Timestamp?

    public init(id: Int64, deploymentID: Int64, planCode: String, startedAt: Timestamp, endedAt: Timestamp?) {
        self.id = id
        self.deploymentID = deploymentID
        self.planCode = planCode
        self.startedAt = startedAt
        self.endedAt = endedAt
    }

    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        deploymentID = try row.decode(forColumn: Columns.deploymentID)
        planCode = try row.decode(forColumn: Columns.planCode)
        startedAt = try row.decode(forColumn: Columns.startedAt)
        endedAt = try row.decode(forColumn: Columns.endedAt)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.deploymentID] = deploymentID
        container[Columns.planCode] = planCode
        container[Columns.startedAt] = startedAt
        container[Columns.endedAt] = endedAt
    }
}

/// One `subscription_addons` row.
public struct SubscriptionAddon: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "subscription_addons"

    public enum Columns: String, ColumnExpression {
        case subscriptionID = "subscription_id", addonCode = "addon_code"
    }

    public var subscriptionID: Int64
    public var addonCode: String

    public init(subscriptionID: Int64, addonCode: String) {
        self.subscriptionID = subscriptionID
        self.addonCode = addonCode
    }

    public init(row: Row) throws {
        subscriptionID = try row.decode(forColumn: Columns.subscriptionID)
        addonCode = try row.decode(forColumn: Columns.addonCode)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.subscriptionID] = subscriptionID
        container[Columns.addonCode] = addonCode
    }
}
