import DigitalOcean
import GRDB
import MoneyAndTime

/// One `cloud_drift` row, and the writes the sweep and the inbox make to it. Values are stored
/// as canonical JSON text (`live` NULL when the resource has no such field), so "the same
/// mismatch again" is a text comparison and writes nothing.
public struct DriftFinding: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cloud_drift"

    public enum Columns: String, ColumnExpression {
        case id, resourceID = "resource_id", field, desired, live, status, openedAt = "opened_at", closedAt = "closed_at"
        case ignoreRule = "ignore_rule", note
    }

    public var id: Int64
    public var resourceID: Int64
    public var field: String
    public var desired: String
    public var live: String?
    public var status: DriftStatus
    public var openedAt: Timestamp
    public var closedAt: Timestamp?
    /// The ignore rule's id; set exactly when the status is `ignored`.
    public var ignoreRule: String?
    public var note: String?

    public init(id: Int64, resourceID: Int64, field: String, desired: String, live: String?, status: DriftStatus,
                openedAt: Timestamp, closedAt: Timestamp? = nil, ignoreRule: String? = nil, note: String? = nil) {
        self.id = id
        self.resourceID = resourceID
        self.field = field
        self.desired = desired
        self.live = live
        self.status = status
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.ignoreRule = ignoreRule
        self.note = note
    }

    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        resourceID = try row.decode(forColumn: Columns.resourceID)
        field = try row.decode(forColumn: Columns.field)
        desired = try row.decode(forColumn: Columns.desired)
        live = try row.decode(forColumn: Columns.live)
        status = try row.decode(forColumn: Columns.status)
        openedAt = try row.decode(forColumn: Columns.openedAt)
        closedAt = try row.decode(forColumn: Columns.closedAt)
        ignoreRule = try row.decode(forColumn: Columns.ignoreRule)
        note = try row.decode(forColumn: Columns.note)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.resourceID] = resourceID
        container[Columns.field] = field
        container[Columns.desired] = desired
        container[Columns.live] = live
        container[Columns.status] = status
        container[Columns.openedAt] = openedAt
        container[Columns.closedAt] = closedAt
        container[Columns.ignoreRule] = ignoreRule
        container[Columns.note] = note
    }

    /// Active findings (open or ignored, not closed), by (resource id, field).
    static func fetchActive(_ db: Database) throws -> [Key: DriftFinding] {
        var active: [Key: DriftFinding] = [:]
        // A compiled statement kept on the connection: every sweep reads the active findings.
        for finding in try DriftFinding.fetchAll(db.cachedStatement(sql: "SELECT * FROM cloud_drift WHERE closed_at IS NULL")) {
            active[Key(resourceID: finding.resourceID, field: finding.field)] = finding
        }
        return active
    }

    /// The newest finding on a resource's field, active or not.
    static func fetchLatest(_ db: Database, resourceID: Int64, field: String) throws -> DriftFinding? {
        try DriftFinding.filter(Columns.resourceID == resourceID && Columns.field == field).order(Columns.id.desc).fetchOne(db)
    }

    struct Key: Hashable {
        var resourceID: Int64
        var field: String
    }

    static func insert(_ db: Database, resourceID: Int64, field: String, desired: String, live: String?, status: DriftStatus,
                       ignoreRule: String?, note: String?, at time: Timestamp) throws {
        try db.execute(sql: """
            INSERT INTO cloud_drift (resource_id, field, desired, live, status, opened_at, ignore_rule, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [resourceID, field, desired, live, status, time, ignoreRule, note])
    }

    /// A new observation of an active finding: the desired or live value (or the covering rule) moved.
    func update(_ db: Database, desired: String, live: String?, ignoreRule: String?) throws {
        try DriftFinding.filter(key: id).updateAll(db, Columns.desired.set(to: desired), Columns.live.set(to: live),
                                                  Columns.ignoreRule.set(to: ignoreRule))
    }

    /// Closes it; `status` nil keeps the current one (an ignored finding stays `ignored`).
    func close(_ db: Database, as status: DriftStatus? = nil, note: String?, at time: Timestamp) throws {
        try DriftFinding.filter(key: id).updateAll(db, Columns.status.set(to: status ?? self.status), Columns.closedAt.set(to: time),
                                                  Columns.note.set(to: note ?? self.note))
    }

    /// `drift_detected` in the resource event log: the field, desired value as old, live as new.
    static func logDetected(_ db: Database, resourceID: Int64, field: String, desired: JSONValue, live: JSONValue?,
                            at time: Timestamp) throws {
        try ResourceEvent(resourceID: resourceID, at: time, event: .driftDetected, field: field, oldValue: desired.display,
                          newValue: live?.display).insert(db)
    }
}
