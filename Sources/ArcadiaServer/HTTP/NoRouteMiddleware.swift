import Hummingbird

/// Answers a request no route takes, an unknown path or a method its path does not take, with the
/// API's `404 no route METHOD PATH`. Under `/api/v1` the token is checked first, exactly as for a
/// route that exists: the router finds no route before any group's middleware runs, so without this
/// a wrong method skipped authentication and told an anonymous caller which paths exist.
struct NoRouteMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let verifier: TokenVerifier

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            // Only the router's own not-found answer is an `HTTPError`; routes throw `APIError`.
            let noRoute = APIError.notFound("no route \(request.method) \(request.uri.path)")
            let path = request.uri.path
            guard path == "/api/v1" || path.hasPrefix("/api/v1/") else { throw noRoute }
            return try await AuthMiddleware(verifier: verifier).handle(request, context: context) { _, _ in throw noRoute }
        }
    }
}
