import Foundation
import GRDB

/// Resources in the inventory with the project, deployment and tenant they are attributed to.
///
/// A resource belongs to a tenant through its project: `cloud_resources.project_id` names a
/// `cloud_projects` row whose name is the `project_name` of one of the tenant's `deployments`.
/// Resources in no project, or in a project no deployment owns, belong to no tenant (only the
/// platform sees them). Stale resources are listed with their `staleAt`.
public struct InventoryQuery: Sendable, Equatable {
    public var scope: LedgerScope
    public var kind: ResourceKind?
    public var status: String?
    /// A deployment code.
    public var deployment: String?
    public var page: PageRequest

    public init(scope: LedgerScope, kind: ResourceKind? = nil, status: String? = nil, deployment: String? = nil,
                page: PageRequest = PageRequest(limit: 100)) {
        self.scope = scope
        self.kind = kind
        self.status = status
        self.deployment = deployment
        self.page = page
    }

    public struct Resource: Sendable, Equatable {
        public var id: Int64
        public var kind: ResourceKind
        public var providerID: String
        public var name: String
        public var status: String
        public var region: String?
        public var sizeSlug: String?
        /// The kind's other fields, as the sync stored them.
        public var attributes: JSONValue
        public var project: String?
        public var deployment: String?
        public var tenant: String?
        public var firstSeenAt: String
        public var lastChangedAt: String
        public var staleAt: String?
    }

    /// Each resource with its project, and through the project's name the deployment and tenant
    /// (`deployments.project_name` is UNIQUE, so a resource joins at most one of each).
    private static let attributed = """
        FROM cloud_resources r
        LEFT JOIN cloud_projects p ON p.id = r.project_id
        LEFT JOIN deployments d ON d.project_name = p.name
        LEFT JOIN tenants t ON t.id = d.tenant_id
        """

    /// The page, in a stable order: kind, name, provider id (the golden `inventory.tsv` order).
    public func fetch(_ db: Database) throws -> QueryPage<Resource> {
        var filter = SQLFilter()
        filter.add("t.code = ?", scope.tenantCode)
        filter.add("r.kind = ?", kind?.rawValue)
        filter.add("r.status = ?", status)
        filter.add("d.code = ?", deployment)
        let from = "\(Self.attributed) \(filter.sql)"
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: filter.arguments) ?? 0
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.id, r.kind, r.provider_id, r.name, r.status, r.region, r.size_slug, r.attributes, p.name, d.code, t.code,
                   r.first_seen_at, r.last_changed_at, r.stale_at
            \(from)
            ORDER BY r.kind, r.name, r.provider_id, r.id
            LIMIT ? OFFSET ?
            """, arguments: filter.arguments(with: page))
        let items = rows.map { row in
            Resource(id: row[0], kind: ResourceKind(rawValue: row[1]), providerID: row[2], name: row[3], status: row[4],
                     region: row[5], sizeSlug: row[6], attributes: JSONValue(storedText: row[7]), project: row[8],
                     deployment: row[9], tenant: row[10], firstSeenAt: row[11], lastChangedAt: row[12], staleAt: row[13])
        }
        return QueryPage(items: items, total: total, request: page)
    }

    public func fetch(in ledger: Ledger) async throws -> QueryPage<Resource> {
        try await ledger.writer.read { try fetch($0) }
    }

    /// The kinds the scope's inventory holds, in name order.
    public static func kinds(scope: LedgerScope, _ db: Database) throws -> [ResourceKind] {
        var filter = SQLFilter()
        filter.add("t.code = ?", scope.tenantCode)
        return try String.fetchAll(db, sql: """
            SELECT DISTINCT r.kind \(attributed) \(filter.sql) ORDER BY r.kind
            """, arguments: filter.arguments).map(ResourceKind.init(rawValue:))
    }

    public static func kinds(scope: LedgerScope, in ledger: Ledger) async throws -> [ResourceKind] {
        try await ledger.writer.read { try kinds(scope: scope, $0) }
    }
}
