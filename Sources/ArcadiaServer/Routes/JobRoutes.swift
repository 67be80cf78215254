import ArcadiaCore
import Hummingbird

/// The scheduler's record of its runs (`arcadia serve --schedule`): platform admins only.
struct JobRoutes {
    let ledger: Ledger

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.get("jobs") { request, context in try await runs(request, context) }
    }

    private func runs(_ request: Request, _ context: ServiceRequestContext) async throws -> JSONResponse {
        _ = try context.platformAdmin()
        let query = try QueryParameters(request.uri.query, allowed: ["job", "limit", "offset"])
        let runs = JobRunQuery(job: try query.oneOf("job", JobID.allCases.map(\.rawValue)).flatMap(JobID.init(rawValue:)),
                               page: try query.page())
        return JSONResponse(.page(try await runs.fetch(in: ledger), \.json))
    }
}
