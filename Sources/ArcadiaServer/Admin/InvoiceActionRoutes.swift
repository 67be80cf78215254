import ArcadiaCore
import DigitalOcean
import Hummingbird
import MoneyAndTime

/// What an operator does to tenant invoices (platform admins only), through the `TenantInvoicing`
/// calls a scenario's `rollup_invoices`, `invoice_paid` and `invoice_void` actions make and the
/// `revenue.issue` job makes: roll up a period (`force` rebuilds drafts), issue every draft whose
/// invariants hold, mark an invoice paid, void it.
struct InvoiceActionRoutes {
    let ledger: Ledger
    let clock: EngineClock

    var invoicing: TenantInvoicing {
        TenantInvoicing(ledger: ledger, clock: clock, usage: .metered(by: MeteringEngine(ledger: ledger, clock: clock)))
    }

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.post("invoices/rollup") { request, context in try await rollup(request, context) }
        group.post("invoices/issue") { request, context in try await issue(request, context) }
        group.post("invoices/{id}/paid") { request, context in try await move(request, context, to: .paid) }
        group.post("invoices/{id}/void") { request, context in try await move(request, context, to: .void) }
    }

    private func rollup(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        let body = try await JSONBody(request, allowed: ["period", "force"])
        let text = try body.string("period")
        guard let period = BillingPeriod(text) else { throw APIError.invalidBody("period", "must be a month YYYY-MM, got '\(text)'") }
        guard period.end <= clock.now() else {
            throw APIError.invalidBody("period", "\(period) has not ended yet (it ends \(period.end)); only an ended month is invoiced")
        }
        return JSONResponse(try invoicing.rollup(period: period, force: try body.bool("force") ?? false).json)
    }

    private func issue(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        try await JSONBody.none(request)
        return JSONResponse(try invoicing.issueDrafts().json)
    }

    /// 200 with the invoice as it now stands; 404 for no such invoice; 409 when its status cannot move so.
    private func move(_ request: Request, _ context: ServiceRequestContext, to status: TenantInvoiceStatus) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        try await JSONBody.none(request)
        let id = try pathID(context)
        guard let invoice = try await TenantInvoiceQuery.invoice(id: id, scope: .platform, in: ledger) else {
            throw APIError.notFound("no invoice #\(id)")
        }
        guard invoice.status != .void else { throw APIError.conflict("invoice #\(id) is void") }
        do {
            let moved = status == .paid ? try invoicing.markPaid(tenant: invoice.tenant, period: invoice.period)
                : try invoicing.void(tenant: invoice.tenant, period: invoice.period)
            return JSONResponse(moved.detailJSON)
        } catch let error as TenantInvoiceError {
            throw APIError.conflict(error.description)
        }
    }
}
