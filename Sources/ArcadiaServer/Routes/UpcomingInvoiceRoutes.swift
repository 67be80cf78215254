import ArcadiaCore
import Hummingbird

/// `GET /api/v1/invoices/upcoming`: the current period to date and projected (`UpcomingInvoices`).
/// A tenant sees its own (it may name itself with `tenant`); an admin names the tenant. Another
/// tenant's code is a 404 exactly like a code that does not exist. Registered as a constant path,
/// it wins over `/invoices/{id}`.
struct UpcomingInvoiceRoutes {
    let ledger: Ledger
    let clock: EngineClock

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.get("invoices/upcoming") { request, context in try await upcoming(request, context) }
    }

    private func upcoming(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        let caller = try context.caller()
        let query = try QueryParameters(request.uri.query, allowed: ["tenant"])
        let asked = try query.token("tenant")
        let code: String
        switch caller.scope {
        case .platform:
            guard let asked else { throw APIError.invalidParameter("tenant", "a platform admin names the tenant: ?tenant=CODE") }
            code = asked
        case .tenant(let own):
            guard asked == nil || asked == own else { throw APIError.notFound("no tenant '\(asked ?? "")'") }
            code = own
        }
        let engine = UpcomingInvoices(ledger: ledger, clock: clock)
        do {
            return JSONResponse(try engine.preview(tenant: code).json)
        } catch TenantInvoiceError.noSuchTenant {
            throw APIError.notFound("no tenant '\(code)'")
        }
    }
}
