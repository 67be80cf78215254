import ArcadiaCore
import Hummingbird

/// `GET /api/v1/inventory`: the platform sees every resource, a tenant those of its deployments.
struct InventoryRoutes {
    let ledger: Ledger

    /// Kinds the sync names (`URNKinds`, plus backups); a ledger may hold others discovered
    /// through projects, and those are accepted too.
    static let namedKinds: Set<ResourceKind> = Set(URNKinds.table.values).union([.dropletBackup])

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.get("inventory") { request, context in try await list(request, context) }
    }

    private func list(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        let caller = try context.caller()
        let query = try QueryParameters(request.uri.query, allowed: ["kind", "status", "deployment", "limit", "offset"])
        let page = try query.page()
        let kind = try await self.kind(query, scope: caller.scope)
        let inventory = InventoryQuery(scope: caller.scope, kind: kind, status: try query.token("status"),
                                       deployment: try query.token("deployment"), page: page)
        return JSONResponse(.page(try await inventory.fetch(in: ledger), \.json))
    }

    /// A named kind or one the inventory holds; anything else (a typo, an injection attempt) is a 400.
    private func kind(_ query: QueryParameters, scope: LedgerScope) async throws -> ResourceKind? {
        guard let text = query.text("kind") else { return nil }
        let kind = ResourceKind(rawValue: text)
        if Self.namedKinds.contains(kind) { return kind }
        let held = Set(try await InventoryQuery.kinds(scope: scope, in: ledger))
        guard held.contains(kind) else {
            let accepted = Self.namedKinds.union(held).map(\.rawValue).sorted().joined(separator: ", ")
            throw APIError.invalidParameter("kind", "must be one of \(accepted), got \(QueryParameters.shown(text))")
        }
        return kind
    }
}
