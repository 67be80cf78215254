import DigitalOcean
import GRDB
import MoneyAndTime

/// The operator inbox: drift findings with the resource they are on and the spec version in force.
/// Platform-only data, so it takes no scope.
public struct DriftInboxQuery: Sendable, Equatable {
    public var page: PageRequest

    public init(page: PageRequest = PageRequest(limit: 100)) {
        self.page = page
    }

    public struct Drift: Sendable, Equatable {
        public var id: Int64
        public var resource: ResourceRef
        public var field: String
        public var desired: JSONValue
        /// Nil when the live resource has no such field.
        public var live: JSONValue?
        public var status: DriftStatus
        public var openedAt: Timestamp
        public var closedAt: Timestamp?
        public var note: String?
        /// The resource's spec version now (an accept bumps it).
        public var specVersion: Int?
    }

    private static let columns = """
        SELECT d.*, r.kind, r.name, r.provider_id, s.spec_version
        FROM cloud_drift d
        JOIN cloud_resources r ON r.id = d.resource_id
        LEFT JOIN cloud_provisioned s ON s.resource_id = d.resource_id
        """

    /// Open drifts only (ignored and closed findings are not the inbox), oldest first, then by id.
    public func fetch(_ db: Database) throws -> QueryPage<Drift> {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cloud_drift WHERE status = 'open'") ?? 0
        let rows = try Row.fetchAll(db, sql: "\(Self.columns) WHERE d.status = 'open' ORDER BY d.opened_at, d.id LIMIT ? OFFSET ?",
                                    arguments: [page.limit, page.offset])
        return QueryPage(items: try rows.map(Self.drift), total: total, request: page)
    }

    public func fetch(in ledger: Ledger) async throws -> QueryPage<Drift> {
        try await ledger.read { try fetch($0) }
    }

    /// One finding by id, whatever its status (what an accept left behind).
    public static func drift(id: Int64, _ db: Database) throws -> Drift? {
        try Row.fetchOne(db, sql: "\(columns) WHERE d.id = ?", arguments: [id]).map(drift)
    }

    public static func drift(id: Int64, in ledger: Ledger) async throws -> Drift? {
        try await ledger.read { try drift(id: id, $0) }
    }

    private static func drift(_ row: Row) throws -> Drift {
        let finding = try DriftFinding(row: row)
        let resource = ResourceRef(id: finding.resourceID, kind: try row.decode(forColumn: CloudResource.Columns.kind),
                                   name: try row.decode(forColumn: CloudResource.Columns.name),
                                   providerID: try row.decode(forColumn: CloudResource.Columns.providerID))
        return Drift(id: finding.id, resource: resource, field: finding.field, desired: JSONValue(storedText: finding.desired),
                     live: finding.live.map(JSONValue.init(storedText:)), status: finding.status, openedAt: finding.openedAt,
                     closedAt: finding.closedAt, note: finding.note, specVersion: try row.decode(forColumn: ProvisionedSpec.Columns.specVersion))
    }
}
