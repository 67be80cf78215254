import ArcadiaCore
import Hummingbird

/// Desired specs and drift ignore rules (platform admins only). A spec is recorded by
/// `DriftEngine.provision`, what the provisioning flow and a scenario's `provision` action call:
/// at once when the inventory has the resource, else when the sync that lists it runs. Ignore
/// rules are stored for the scheduler's sweeps (`IgnoreRuleStore`).
struct ProvisioningRoutes {
    let ledger: Ledger
    let clock: EngineClock

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.post("specs") { request, context in try await provision(request, context) }
        group.get("drift/ignore-rules") { request, context in try await rules(request, context) }
        group.post("drift/ignore-rules") { request, context in try await addRule(request, context) }
    }

    private func provision(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        let body = try await JSONBody(request, allowed: ["kind", "provider_id", "spec"])
        let kind = try Self.kind(body.string("kind"))
        let providerID = try body.string("provider_id")
        let spec = try body.object("spec")
        guard !spec.isEmpty else { throw APIError.invalidBody("spec", "must name at least one field") }
        if let empty = spec.keys.sorted().first(where: \.isEmpty) { throw APIError.invalidBody("spec.\(empty)", "a field needs a name") }
        let outcome = try DriftEngine(ledger: ledger, clock: clock).provision(kind: kind, providerID: providerID, spec: spec)
        let version: JSONValue
        switch outcome {
        case .recorded(let number): version = .int(Int64(number))
        case .pending: version = .null
        }
        return JSONResponse(.object([
            "kind": .string(kind.rawValue), "provider_id": .string(providerID), "spec": .object(spec),
            "outcome": .string(outcome == .pending ? "pending" : "recorded"), "spec_version": version,
        ]))
    }

    private func rules(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        let query = try QueryParameters(request.uri.query, allowed: ["limit", "offset"])
        let page = try query.page()
        return JSONResponse(.page(QueryPage(slicing: try IgnoreRuleStore(ledger: ledger).all(), request: page), \.json))
    }

    private func addRule(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        _ = try QueryParameters(request.uri.query, allowed: [])
        let body = try await JSONBody(request, allowed: ["id", "kind", "name_glob", "tag", "field", "reason", "expires"])
        guard let expires = try body.time("expires") else { throw APIError.invalidBody("expires", "required") }
        guard expires > clock.now() else {
            throw APIError.invalidBody("expires", "\(expires) is not after now (\(clock.now())): a rule that has expired ignores nothing")
        }
        let rule = IgnoreRule(id: try body.string("id"), kind: try body.optionalString("kind").map(Self.kind),
                              nameGlob: try body.optionalString("name_glob"), tag: try body.optionalString("tag"),
                              field: try body.string("field"), reason: try body.string("reason"), expires: expires)
        do {
            try IgnoreRuleStore(ledger: ledger).add(rule)
        } catch let error as IgnoreRuleError {
            switch error {
            case .duplicate: throw APIError.conflict(error.description)
            case .selectsEverything: throw APIError.invalidBody("kind", error.description)
            }
        }
        return JSONResponse(rule.json, status: .created)
    }

    /// A kind the inventory knows: a spec or a rule for a kind nothing syncs would never apply.
    static func kind(_ text: String) throws -> ResourceKind {
        let kinds = InventoryRoutes.namedKinds
        guard kinds.contains(ResourceKind(rawValue: text)) else {
            throw APIError.invalidBody("kind", "must be one of \(kinds.map(\.rawValue).sorted().joined(separator: ", ")), got '\(text)'")
        }
        return ResourceKind(rawValue: text)
    }
}
