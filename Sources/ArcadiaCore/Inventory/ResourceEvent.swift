import DigitalOcean
import GRDB
import MoneyAndTime

/// What happened to a resource (`cloud_resource_events.event`).
public enum ResourceEventKind: String, Sendable, CaseIterable {
    case created
    case changed
    case attributed
    case stale
    case revived
    /// The drift sweep found a field differing from its spec (old: desired, new: live).
    case driftDetected = "drift_detected"
}

/// One `cloud_resource_events` row: a resource's history, written by the sync and the drift sweep
/// and read back by metering to rebuild what the inventory observed.
public struct ResourceEvent: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cloud_resource_events"
    /// A `stale` event's field: its new value is when the resource was last known to exist.
    public static let missingSinceField = "missing_since"

    public enum Columns: String, ColumnExpression {
        case id, resourceID = "resource_id", at, event, field, oldValue = "old_value", newValue = "new_value"
    }

    public var resourceID: Int64
    public var at: Timestamp
    public var event: ResourceEventKind
    public var field: String?
    public var oldValue: String?
    public var newValue: String?

    public init(resourceID: Int64, at: Timestamp, event: ResourceEventKind, field: String? = nil, oldValue: String? = nil,
                newValue: String? = nil) {
        self.resourceID = resourceID
        self.at = at
        self.event = event
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }

    public init(row: Row) throws {
        resourceID = try row.decode(forColumn: Columns.resourceID)
        at = try row.decode(forColumn: Columns.at)
        event = try row.decode(forColumn: Columns.event)
        field = try row.decode(forColumn: Columns.field)
        oldValue = try row.decode(forColumn: Columns.oldValue)
        newValue = try row.decode(forColumn: Columns.newValue)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.resourceID] = resourceID
        container[Columns.at] = at
        container[Columns.event] = event
        container[Columns.field] = field
        container[Columns.oldValue] = oldValue
        container[Columns.newValue] = newValue
    }
}
