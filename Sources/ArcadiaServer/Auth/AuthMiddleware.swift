import Hummingbird

/// Guards every `/api/v1` route: a request without a valid HS512 bearer token gets 401 and a JSON
/// error before any parameter is read, so an unauthenticated caller learns nothing about the API
/// or the ledger.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let verifier: TokenVerifier

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        do {
            context.identity = try await verifier.identity(authorization: request.headers[.authorization])
        } catch {
            throw APIError.unauthorized(error.description, tokenSent: error != .missingToken)
        }
        return try await next(request, context)
    }
}
