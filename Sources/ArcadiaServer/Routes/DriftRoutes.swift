import ArcadiaCore
import Hummingbird

/// The drift inbox and its accept: platform admins only. Accepting calls `DriftEngine.accept`, the
/// engine entry point a scenario's `accept_drift` reaches too, so the HTTP path changes the ledger
/// exactly as the simulated operator does (proven against a shipped golden in the tests).
struct DriftRoutes {
    let ledger: Ledger
    let clock: EngineClock

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.get("drift") { request, context in try await inbox(request, context) }
        group.post("drift/{id}/accept") { request, context in try await accept(request, context) }
    }

    private func inbox(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        let query = try QueryParameters(request.uri.query, allowed: ["limit", "offset"])
        return JSONResponse(.page(try await DriftInboxQuery(page: try query.page()).fetch(in: ledger), \.json))
    }

    /// 200 with the drift as it now stands; 404 for no such drift; 409 when it is no longer open.
    private func accept(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        try await JSONBody.none(request)
        let id = try pathID(context)
        do {
            try DriftEngine(ledger: ledger, clock: clock).accept(driftID: id)
        } catch let error as DriftError {
            switch error {
            case .unknownDrift: throw APIError.notFound(error.description)
            case .notOpen: throw APIError.conflict(error.description)
            case .unknownResource, .noOpenDrift: throw APIError.conflict(error.description)
            }
        }
        guard let drift = try await DriftInboxQuery.drift(id: id, in: ledger) else { throw APIError.notFound("no drift #\(id)") }
        return JSONResponse(drift.json)
    }
}
