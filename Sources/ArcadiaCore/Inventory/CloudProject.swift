import DigitalOcean
import GRDB
import MoneyAndTime

/// One `cloud_projects` row: a DO project as the projects worker last listed it.
public struct CloudProject: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cloud_projects"

    public enum Columns: String, ColumnExpression {
        case id, providerID = "provider_id", name, description, environment, isDefault = "is_default"
        case firstSeenAt = "first_seen_at", lastChangedAt = "last_changed_at", missedListings = "missed_listings", lastMissedAt = "last_missed_at", staleAt = "stale_at"
    }

    public var id: Int64
    public var providerID: String
    public var name: String
    public var description: String
    public var environment: String?
    public var isDefault: Bool
    public var firstSeenAt: Timestamp
    public var lastChangedAt: Timestamp
    public var missedListings: Int
    /// The listing that last counted a miss (a second listing at that instant counts none).
    public var lastMissedAt: Timestamp?
    public var staleAt: Timestamp?

    public init(id: Int64, providerID: String, name: String, description: String = "", environment: String? = nil,
                isDefault: Bool = false, firstSeenAt: Timestamp, lastChangedAt: Timestamp, missedListings: Int = 0,
                lastMissedAt: Timestamp? = nil, staleAt: Timestamp? = nil) {
        self.id = id
        self.providerID = providerID
        self.name = name
        self.description = description
        self.environment = environment
        self.isDefault = isDefault
        self.firstSeenAt = firstSeenAt
        self.lastChangedAt = lastChangedAt
        self.missedListings = missedListings
        self.lastMissedAt = lastMissedAt
        self.staleAt = staleAt
    }

    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        providerID = try row.decode(forColumn: Columns.providerID)
        name = try row.decode(forColumn: Columns.name)
        description = try row.decode(forColumn: Columns.description)
        environment = try row.decode(forColumn: Columns.environment)
        isDefault = try row.decode(forColumn: Columns.isDefault)
        firstSeenAt = try row.decode(forColumn: Columns.firstSeenAt)
        lastChangedAt = try row.decode(forColumn: Columns.lastChangedAt)
        missedListings = try row.decode(forColumn: Columns.missedListings)
        lastMissedAt = try row.decode(forColumn: Columns.lastMissedAt)
        staleAt = try row.decode(forColumn: Columns.staleAt)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.providerID] = providerID
        container[Columns.name] = name
        container[Columns.description] = description
        container[Columns.environment] = environment
        container[Columns.isDefault] = isDefault
        container[Columns.firstSeenAt] = firstSeenAt
        container[Columns.lastChangedAt] = lastChangedAt
        container[Columns.missedListings] = missedListings
        container[Columns.lastMissedAt] = lastMissedAt
        container[Columns.staleAt] = staleAt
    }

    /// Whether a listing shows it differently from how it is stored.
    func differs(from observed: ObservedProject) -> Bool {
        name != observed.name || description != observed.description || environment != observed.environment
            || isDefault != observed.isDefault
    }
}

extension CloudProject {
    /// Every project, by a compiled statement kept on the connection: each projects pass reads
    /// them, and GRDB's query interface compiles its SQL anew on every fetch.
    static func all(_ db: Database) throws -> [CloudProject] {
        try fetchAll(db.cachedStatement(sql: "SELECT * FROM cloud_projects"))
    }
}
