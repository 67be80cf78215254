import ArcadiaCore
import Hummingbird

/// What DigitalOcean bills the platform: platform admins only.
struct BillingRoutes {
    let ledger: Ledger

    /// Every kind cost ingestion can derive (`CostKind.table`, then `other`), in that order.
    static let costKinds: [String] = {
        var kinds: [String] = []
        for kind in CostKind.table.map(\.kind) + [.other] where !kinds.contains(kind.rawValue) { kinds.append(kind.rawValue) }
        return kinds
    }()

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.get("billing/balance") { request, context in try await balance(request, context) }
        group.get("billing/cost-lines") { request, context in try await costLines(request, context) }
    }

    /// The latest hourly balance snapshot; 404 before the first.
    private func balance(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        guard let snapshot = try await LatestBalanceQuery.fetch(in: ledger) else {
            throw APIError.notFound("no balance snapshot in the ledger yet (cost.balance runs hourly at :07)")
        }
        return JSONResponse(snapshot.json)
    }

    private func costLines(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        let query = try QueryParameters(request.uri.query, allowed: ["period", "kind", "limit", "offset"])
        let lines = CostLineQuery(period: try query.period(), kind: try query.oneOf("kind", Self.costKinds).map(CostKind.init(rawValue:)),
                                  page: try query.page())
        return JSONResponse(.page(try await lines.fetch(in: ledger), \.json))
    }
}
