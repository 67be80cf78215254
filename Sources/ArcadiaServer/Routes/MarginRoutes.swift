import ArcadiaCore
import Hummingbird

/// `GET /api/v1/margin`: DigitalOcean's cost of each deployment against its tenant's invoices,
/// per month (`MarginQuery`), platform admins only. `from`/`to` are months named by their first
/// day; `by` is `deployment` (default), `tenant` or `kind`, and each item's `key` is one of those
/// (null for cost no deployment owns).
struct MarginRoutes {
    let ledger: Ledger

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.get("margin") { request, context in try await margin(request, context) }
    }

    private func margin(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        let query = try QueryParameters(request.uri.query, allowed: ["from", "to", "by"])
        let by = try query.oneOf("by", MarginQuery.Grouping.allCases.map(\.rawValue)).flatMap(MarginQuery.Grouping.init(rawValue:)) ?? .deployment
        let rows = try await MarginQuery(from: try query.month("from"), to: try query.month("to"), by: by).fetch(in: ledger)
        return JSONResponse(.object(["by": .string(by.rawValue), "items": .array(rows.map { row in
            .object([
                "period": .string(row.period.description),
                "key": row.key.map(JSONValue.string) ?? .null,
                "attributed": .bool(row.key != nil),
                "cost_cents": .int(Int64(row.cost.cents)),
                "revenue_cents": .int(Int64(row.revenue.cents)),
                "margin_cents": .int(Int64(row.margin.cents)),
            ])
        })]))
    }
}
