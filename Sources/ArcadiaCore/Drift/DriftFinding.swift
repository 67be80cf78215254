import DigitalOcean
import Foundation
import GRDB

/// One `cloud_drift` row, and the writes the sweep and the inbox make to it. Values are stored
/// as canonical JSON text (`live` NULL when the resource has no such field), so "the same
/// mismatch again" is a text comparison and writes nothing.
struct DriftFinding {
    var id: Int64
    var resourceID: Int64
    var field: String
    var desired: String
    var live: String?
    var status: DriftStatus
    var ignoreRule: String?

    private static let columns = "id, resource_id, field, desired, live, status, ignore_rule"

    private init(row: Row) {
        id = row[0]
        resourceID = row[1]
        field = row[2]
        desired = row[3]
        live = row[4]
        status = DriftStatus(rawValue: row[5]) ?? .open
        ignoreRule = row[6]
    }

    /// Active findings (open or ignored, not closed), by (resource id, field).
    static func fetchActive(_ db: Database) throws -> [Key: DriftFinding] {
        var active: [Key: DriftFinding] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT \(columns) FROM cloud_drift WHERE closed_at IS NULL") {
            let finding = DriftFinding(row: row)
            active[Key(resourceID: finding.resourceID, field: finding.field)] = finding
        }
        return active
    }

    static func fetch(_ db: Database, id: Int64) throws -> DriftFinding? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM cloud_drift WHERE id = ?", arguments: [id]).map(DriftFinding.init)
    }

    /// The newest finding on a resource's field, active or not.
    static func fetchLatest(_ db: Database, resourceID: Int64, field: String) throws -> DriftFinding? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM cloud_drift WHERE resource_id = ? AND field = ? ORDER BY id DESC LIMIT 1",
                         arguments: [resourceID, field]).map(DriftFinding.init)
    }

    /// A stored value back as JSON (canonical text always decodes; a damaged one reads as null).
    static func value(canonical text: String) -> JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
    }

    struct Key: Hashable {
        var resourceID: Int64
        var field: String
    }

    static func insert(_ db: Database, resourceID: Int64, field: String, desired: String, live: String?, status: DriftStatus,
                       ignoreRule: String?, note: String?, at time: Timestamp) throws {
        try db.execute(sql: """
            INSERT INTO cloud_drift (resource_id, field, desired, live, status, opened_at, ignore_rule, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [resourceID, field, desired, live, status.rawValue, time.iso8601, ignoreRule, note])
    }

    /// A new observation of an active finding: the desired or live value (or the covering rule) moved.
    func update(_ db: Database, desired: String, live: String?, ignoreRule: String?) throws {
        try db.execute(sql: "UPDATE cloud_drift SET desired = ?, live = ?, ignore_rule = ? WHERE id = ?",
                       arguments: [desired, live, ignoreRule, id])
    }

    /// Closes it; `status` nil keeps the current one (an ignored finding stays `ignored`).
    func close(_ db: Database, as status: DriftStatus? = nil, note: String?, at time: Timestamp) throws {
        try db.execute(sql: "UPDATE cloud_drift SET status = ?, closed_at = ?, note = COALESCE(?, note) WHERE id = ?",
                       arguments: [(status ?? self.status).rawValue, time.iso8601, note, id])
    }

    /// `drift_detected` in the resource event log: the field, desired value as old, live as new.
    static func logDetected(_ db: Database, resourceID: Int64, field: String, desired: JSONValue, live: JSONValue?,
                            at time: Timestamp) throws {
        try db.execute(sql: """
            INSERT INTO cloud_resource_events (resource_id, at, event, field, old_value, new_value) VALUES (?, ?, 'drift_detected', ?, ?, ?)
            """, arguments: [resourceID, time.iso8601, field, desired.display, live?.display])
    }
}
