import ArcadiaCore
import Hummingbird

/// Tenants, deployments and their subscriptions (platform admins only), through `TenancyEngine`:
/// the calls a scenario's tenancy and `subscribe` / `change_subscription` / `end_subscription`
/// actions make. A plan or addon must be in the price book in effect now.
struct TenancyRoutes {
    let ledger: Ledger
    let clock: EngineClock

    var engine: TenancyEngine { TenancyEngine(ledger: ledger, clock: clock) }

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.get("tenants") { request, context in try await tenants(request, context) }
        group.post("tenants") { request, context in try await addTenant(request, context) }
        group.get("deployments") { request, context in try await deployments(request, context) }
        group.post("deployments") { request, context in try await addDeployment(request, context) }
        group.post("deployments/{code}/subscribe") { request, context in try await subscribe(request, context) }
        group.post("deployments/{code}/change-subscription") { request, context in try await change(request, context) }
        group.post("deployments/{code}/end-subscription") { request, context in try await end(request, context) }
    }

    private func tenants(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        let query = try QueryParameters(request.uri.query, allowed: ["limit", "offset"])
        return JSONResponse(.page(try await TenancyQuery.tenants(page: try query.page(), in: ledger), \.json))
    }

    private func addTenant(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        let body = try await JSONBody(request, allowed: ["code", "name", "country"])
        let (code, name, country) = (try body.string("code"), try body.string("name"), try body.string("country"))
        try refusing { try engine.addTenant(code: code, name: name, country: country) }
        return JSONResponse(.object(["code": .string(code), "name": .string(name), "country": .string(country)]), status: .created)
    }

    private func deployments(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        let query = try QueryParameters(request.uri.query, allowed: ["limit", "offset"])
        return JSONResponse(.page(try await TenancyQuery.deployments(page: try query.page(), in: ledger), \.json))
    }

    private func addDeployment(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        let body = try await JSONBody(request, allowed: ["code", "tenant", "name", "project"])
        let (code, tenant, name, project) = (try body.string("code"), try body.string("tenant"), try body.string("name"), try body.string("project"))
        try refusing { try engine.addDeployment(code: code, tenant: tenant, name: name, project: project) }
        return try await deploymentAnswer(code, status: .created)
    }

    private func subscribe(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        let code = try deploymentCode(context)
        let body = try await JSONBody(request, allowed: ["plan", "addons"])
        let (plan, addons) = (try body.string("plan"), try body.strings("addons") ?? [])
        try checkInBook(plan: plan, addons: addons)
        try refusing { try engine.subscribe(deployment: code, plan: plan, addons: addons) }
        return try await deploymentAnswer(code, status: .created)
    }

    private func change(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        let code = try deploymentCode(context)
        let body = try await JSONBody(request, allowed: ["plan", "addons"])
        let (plan, addons) = (try body.optionalString("plan"), try body.strings("addons"))
        guard plan != nil || addons != nil else { throw APIError.invalidBody("plan", "give a plan, addons or both to change") }
        try checkInBook(plan: plan, addons: addons ?? [])
        try refusing { try engine.changeSubscription(deployment: code, plan: plan, addons: addons) }
        return try await deploymentAnswer(code)
    }

    private func end(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        try await JSONBody.none(request)
        let code = try deploymentCode(context)
        let ended = try refusing { try engine.endSubscription(deployment: code) }
        guard var answer = try await TenancyQuery.deployment(code: code, in: ledger) else { throw APIError.notFound("no deployment '\(code)'") }
        answer.liveSubscription = nil
        return JSONResponse(.object(["deployment": answer.json, "ended": ended.json]))
    }

    private func deploymentAnswer(_ code: String, status: HTTPResponse.Status = .ok) async throws -> JSONResponse {
        guard let view = try await TenancyQuery.deployment(code: code, in: ledger) else { throw APIError.notFound("no deployment '\(code)'") }
        return JSONResponse(view.json, status: status)
    }

    /// The deployment named by the path; one that does not exist is the engine's 404.
    private func deploymentCode(_ context: ServiceRequestContext) throws -> String {
        try pathParameter(context, "code")
    }

    /// The plan and addons must be priced by the book in effect now: a subscription to something
    /// no book sells could never be invoiced.
    private func checkInBook(plan: String?, addons: [String]) throws {
        guard let stored = try PriceBookStore(ledger: ledger).book(inEffectAt: clock.now()) else {
            throw APIError.invalidBody(plan == nil ? "addons" : "plan", "no price book is in effect at \(clock.now()); add one first")
        }
        if let plan, stored.book.plan(plan) == nil {
            throw APIError.invalidBody("plan", "price book '\(stored.book.name)' has no plan '\(plan)'")
        }
        for (index, addon) in addons.enumerated() where stored.book.addon(addon) == nil {
            throw APIError.invalidBody("addons[\(index)]", "price book '\(stored.book.name)' has no addon '\(addon)'")
        }
    }

    /// Runs a tenancy change, turning its refusal into the answer naming the field to blame.
    @discardableResult
    private func refusing<T>(_ change: () throws -> T) throws -> T {
        do {
            return try change()
        } catch let error as TenancyError {
            switch error {
            case .invalidCode: throw APIError.invalidBody("code", error.description)
            case .emptyCode(let kind): throw APIError.invalidBody(kind == "plan" ? "plan" : "addons", error.description)
            case .invalidCountry: throw APIError.invalidBody("country", error.description)
            case .invalidName(let field, _): throw APIError.invalidBody(field, error.description)
            case .unknownTenant: throw APIError.invalidBody("tenant", error.description)
            case .duplicateAddon: throw APIError.invalidBody("addons", error.description)
            case .unknownDeployment: throw APIError.notFound(error.description)
            case .duplicateTenant, .duplicateDeployment, .projectOwned, .alreadySubscribed, .notSubscribed, .endsAtItsStart, .unchanged:
                throw APIError.conflict(error.description)
            }
        }
    }
}
