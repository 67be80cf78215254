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

    /// A resource with where it is attributed: its row, and the names its joins add.
    public struct Resource: Sendable, Equatable {
        public var resource: CloudResource
        /// The kind's other fields, as the sync stored them.
        public var attributes: JSONValue
        public var project: String?
        public var deployment: String?
        public var tenant: String?
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
        filter.add("r.kind = ?", kind)
        filter.add("r.status = ?", status)
        filter.add("d.code = ?", deployment)
        let from = "\(Self.attributed) \(filter.sql)"
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: filter.arguments) ?? 0
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.*, p.name AS project, d.code AS deployment, t.code AS tenant
            \(from)
            ORDER BY r.kind, r.name, r.provider_id, r.id
            LIMIT ? OFFSET ?
            """, arguments: filter.arguments(with: page))
        let items = try rows.map { row in
            let resource = try CloudResource(row: row)
            return Resource(resource: resource, attributes: JSONValue(storedText: resource.attributesText),
                            project: try row.decode(forColumn: "project"), deployment: try row.decode(forColumn: "deployment"),
                            tenant: try row.decode(forColumn: "tenant"))
        }
        return QueryPage(items: items, total: total, request: page)
    }

    public func fetch(in ledger: Ledger) async throws -> QueryPage<Resource> {
        try await ledger.read { try fetch($0) }
    }

    /// The kinds the scope's inventory holds, in name order.
    public static func kinds(scope: LedgerScope, _ db: Database) throws -> [ResourceKind] {
        var filter = SQLFilter()
        filter.add("t.code = ?", scope.tenantCode)
        return try ResourceKind.fetchAll(db, sql: """
            SELECT DISTINCT r.kind \(attributed) \(filter.sql) ORDER BY r.kind
            """, arguments: filter.arguments)
    }

    public static func kinds(scope: LedgerScope, in ledger: Ledger) async throws -> [ResourceKind] {
        try await ledger.read { try kinds(scope: scope, $0) }
    }
}
