import ArcadiaCore
import Hummingbird

/// `GET /api/v1/margin`: DigitalOcean's cost of each deployment against its tenant's invoices,
/// per month (`MarginQuery`), platform admins only. `from`/`to` are months named by their first
/// day; `by` is `deployment` (default), `tenant` or `kind`, and each item's `key` is one of those
/// (null for cost no deployment owns). Paginated like every list: a year of a few hundred
/// deployments is thousands of rows.
struct MarginRoutes {
    let ledger: Ledger

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.get("margin") { request, context in try await margin(request, context) }
    }

    private func margin(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        let query = try QueryParameters(request.uri.query, allowed: ["from", "to", "by", "limit", "offset"])
        let by = try query.oneOf("by", MarginQuery.Grouping.allCases.map(\.rawValue)).flatMap(MarginQuery.Grouping.init(rawValue:)) ?? .deployment
        let page = try query.page()
        let (from, to) = (try query.month("from"), try query.month("to"))
        if let from, let to, to < from {
            throw APIError.invalidParameter("to", "\(to) is before from, \(from): no month is in that range")
        }
        let rows = try await MarginQuery(from: from, to: to, by: by).fetch(in: ledger)
        return JSONResponse(.page(QueryPage(slicing: rows, request: page), adding: ["by": .string(by.rawValue)], \.json))
    }
}

extension MarginQuery.Row {
    var json: JSONValue {
        .object([
            "period": .string(period.description),
            "key": key.map(JSONValue.string) ?? .null,
            "attributed": .bool(key != nil),
            "cost_cents": .int(Int64(cost.cents)),
            "revenue_cents": .int(Int64(revenue.cents)),
            "margin_cents": .int(Int64(margin.cents)),
        ])
    }
}
