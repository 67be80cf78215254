import DigitalOcean
import GRDB
import MoneyAndTime

/// A desired spec asked for before the inventory has its resource: provisioning records a spec
/// right after creating the droplet, and the droplet is only inventoried by the next sync. It waits
/// in `cloud_pending_specs` (so it survives a restart of the service) and is recorded by the first
/// sync run after which the resource is inventoried, at that run's time.
struct PendingSpec: Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "cloud_pending_specs"

    enum Columns: String, ColumnExpression {
        case kind, providerID = "provider_id", spec, requestedAt = "requested_at"
    }

    var kind: ResourceKind
    var providerID: String
    /// Canonical JSON of the spec's fields.
    var spec: String
    var requestedAt: Timestamp

    init(kind: ResourceKind, providerID: String, spec: String, requestedAt: Timestamp) {
        self.kind = kind
        self.providerID = providerID
        self.spec = spec
        self.requestedAt = requestedAt
    }

    init(row: Row) throws {
        kind = try row.decode(forColumn: Columns.kind)
        providerID = try row.decode(forColumn: Columns.providerID)
        spec = try row.decode(forColumn: Columns.spec)
        requestedAt = try row.decode(forColumn: Columns.requestedAt)
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.kind] = kind
        container[Columns.providerID] = providerID
        container[Columns.spec] = spec
        container[Columns.requestedAt] = requestedAt
    }

    /// Migration `v5-pending-specs`. A later request for the same resource replaces the earlier one.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cloud_pending_specs (
                kind TEXT NOT NULL,
                provider_id TEXT NOT NULL,
                spec TEXT NOT NULL CHECK (json_valid(spec) AND json_type(spec) = 'object'),
                requested_at TEXT NOT NULL,
                PRIMARY KEY (kind, provider_id)
            )
            """)
    }
}
