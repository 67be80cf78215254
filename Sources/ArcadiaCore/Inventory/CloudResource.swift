import DigitalOcean
import GRDB
import MoneyAndTime

/// One `cloud_resources` row: the one Swift view of an inventoried resource. The sync's upsert
/// compares with it, the drift sweep reads the live side from it, metering rebuilds timelines
/// from it; queries that join other tables select it whole and add their own columns.
public struct CloudResource: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cloud_resources"

    public enum Columns: String, ColumnExpression {
        case id, kind, providerID = "provider_id", name, status, region, sizeSlug = "size_slug", attributes
        case projectID = "project_id", firstSeenAt = "first_seen_at", lastChangedAt = "last_changed_at"
        case missedListings = "missed_listings", lastMissedAt = "last_missed_at", missingSince = "missing_since", staleAt = "stale_at"
    }

    public var id: Int64
    public var kind: ResourceKind
    /// DO's id for it, unique within `kind`.
    public var providerID: String
    public var name: String
    public var status: String
    public var region: String?
    public var sizeSlug: String?
    /// The kind's other fields as canonical JSON text: compared as text, decoded only when read.
    public var attributesText: String
    public var projectID: Int64?
    public var firstSeenAt: Timestamp
    public var lastChangedAt: Timestamp
    public var missedListings: Int
    /// The listing that last counted a miss (a second listing at that instant counts none).
    public var lastMissedAt: Timestamp?
    /// When a resource that is being missed was last known to exist (set at its first miss).
    public var missingSince: Timestamp?
    public var staleAt: Timestamp?

    public init(id: Int64, kind: ResourceKind, providerID: String, name: String, status: String, region: String? = nil,
                sizeSlug: String? = nil, attributesText: String = "{}", projectID: Int64? = nil, firstSeenAt: Timestamp,
                lastChangedAt: Timestamp, missedListings: Int = 0, lastMissedAt: Timestamp? = nil, missingSince: Timestamp? = nil,
                staleAt: Timestamp? = nil) {
        self.id = id
        self.kind = kind
        self.providerID = providerID
        self.name = name
        self.status = status
        self.region = region
        self.sizeSlug = sizeSlug
        self.attributesText = attributesText
        self.projectID = projectID
        self.firstSeenAt = firstSeenAt
        self.lastChangedAt = lastChangedAt
        self.missedListings = missedListings
        self.lastMissedAt = lastMissedAt
        self.missingSince = missingSince
        self.staleAt = staleAt
    }

    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        kind = try row.decode(forColumn: Columns.kind)
        providerID = try row.decode(forColumn: Columns.providerID)
        name = try row.decode(forColumn: Columns.name)
        status = try row.decode(forColumn: Columns.status)
        region = try row.decode(forColumn: Columns.region)
        sizeSlug = try row.decode(forColumn: Columns.sizeSlug)
        attributesText = try row.decode(forColumn: Columns.attributes)
        projectID = try row.decode(forColumn: Columns.projectID)
        firstSeenAt = try row.decode(forColumn: Columns.firstSeenAt)
        lastChangedAt = try row.decode(forColumn: Columns.lastChangedAt)
        missedListings = try row.decode(forColumn: Columns.missedListings)
        lastMissedAt = try row.decode(forColumn: Columns.lastMissedAt)
        missingSince = try row.decode(forColumn: Columns.missingSince)
        staleAt = try row.decode(forColumn: Columns.staleAt)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.kind] = kind
        container[Columns.providerID] = providerID
        container[Columns.name] = name
        container[Columns.status] = status
        container[Columns.region] = region
        container[Columns.sizeSlug] = sizeSlug
        container[Columns.attributes] = attributesText
        container[Columns.projectID] = projectID
        container[Columns.firstSeenAt] = firstSeenAt
        container[Columns.lastChangedAt] = lastChangedAt
        container[Columns.missedListings] = missedListings
        container[Columns.lastMissedAt] = lastMissedAt
        container[Columns.missingSince] = missingSince
        container[Columns.staleAt] = staleAt
    }

    /// The attributes decoded (canonical text always decodes; damaged text reads as none).
    public var attributes: [String: JSONValue] { Self.decodeAttributes(attributesText) }

    /// The observation the row was last written from or found equal to: what a listing that
    /// finds the resource unchanged hands the reconcile.
    var observation: ObservedResource {
        ObservedResource(kind: kind, providerID: providerID, name: name, status: status, region: region,
                         sizeSlug: sizeSlug, attributes: attributes)
    }

    static func decodeAttributes(_ text: String) -> [String: JSONValue] {
        guard case .object(let fields) = JSONValue(storedText: text) else { return [:] }
        return fields
    }

    /// `droplet:web-1 (123)`: how goldens and reports name a resource.
    public var label: String { "\(kind):\(name) (\(providerID))" }
}
