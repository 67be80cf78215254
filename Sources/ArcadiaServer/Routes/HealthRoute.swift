import ArcadiaCore
import Hummingbird

/// `GET /api/health`: no token needed, and nothing read from the ledger, so a load balancer can
/// probe it cheaply and learn nothing but which service and version answers.
enum HealthRoute {
    static let body: JSONValue = .object(["service": .string(ServiceInfo.service), "version": .string(ServiceInfo.version), "status": "ok"])

    static func register(on router: Router<ServiceRequestContext>) {
        router.get("/api/health") { request, _ in
            _ = try QueryParameters(request.uri.query, allowed: [])
            return JSONResponse(body)
        }
    }
}
