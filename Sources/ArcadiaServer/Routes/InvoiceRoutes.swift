import ArcadiaCore
import Hummingbird

/// Tenant invoices: the platform sees all, a tenant its own. Another tenant's invoice answers 404
/// with the same body as an id that does not exist, so a tenant cannot learn which ids are taken.
struct InvoiceRoutes {
    let ledger: Ledger

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.get("invoices") { request, context in try await list(request, context) }
        group.get("invoices/{id}") { request, context in try await detail(request, context) }
        group.get("invoices/{id}/explain") { request, context in try await explain(request, context) }
    }

    private func list(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        let caller = try context.caller()
        let query = try QueryParameters(request.uri.query, allowed: ["limit", "offset"])
        let invoices = TenantInvoiceQuery(scope: caller.scope, page: try query.page())
        return JSONResponse(.page(try await invoices.fetch(in: ledger), \.json))
    }

    private func detail(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        let caller = try context.caller()
        _ = try QueryParameters(request.uri.query, allowed: [])
        let id = try pathID(context)
        guard let found = try await TenantInvoiceQuery.invoice(id: id, scope: caller.scope, in: ledger) else {
            throw APIError.notFound("no invoice #\(id)")
        }
        return JSONResponse(found.detailJSON)
    }

    /// Where each line's figures came from (`InvoiceExplainer`): the same JSON `arcadia explain
    /// --format json [--line N]` prints, scoped like the detail (another tenant's invoice is not found).
    private func explain(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        let caller = try context.caller()
        let line = try QueryParameters(request.uri.query, allowed: ["line"]).positive("line")
        let id = try pathID(context)
        guard let explanation = try await InvoiceExplainer.explain(invoiceID: id, scope: caller.scope, in: ledger) else {
            throw APIError.notFound("no invoice #\(id)")
        }
        guard let line else { return JSONResponse(explanation.json) }
        guard let one = explanation.only(line: line) else {
            throw APIError.invalidParameter("line", "invoice #\(id) has lines 1 to \(explanation.lines.count), got \(line)")
        }
        return JSONResponse(one.json)
    }
}
