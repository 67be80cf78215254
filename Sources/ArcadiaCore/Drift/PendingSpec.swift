import DigitalOcean
import GRDB

/// A desired spec asked for before the inventory has its resource: provisioning records a spec
/// right after creating the droplet, and the droplet is only inventoried by the next sync. It waits
/// in `cloud_pending_specs` (so it survives a restart of the service) and is recorded by the first
/// sync run after which the resource is inventoried, at that run's time.
struct PendingSpec: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "cloud_pending_specs"

    enum Columns {
        static let kind = Column(CodingKeys.kind)
        static let providerID = Column(CodingKeys.providerID)
    }

    var kind: String
    var providerID: String
    /// Canonical JSON of the spec's fields.
    var spec: String
    var requestedAt: String

    enum CodingKeys: String, CodingKey {
        case kind
        case providerID = "provider_id"
        case spec
        case requestedAt = "requested_at"
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
