import Hummingbird
import Logging

/// Turns whatever a route or Hummingbird throws into the API's JSON error shape: an `APIError`
/// as it is, Hummingbird's own (413 for a body too large, …) with its status, and anything
/// else as a 500 whose detail goes to the log only: a ledger error can quote SQL or a path.
struct ErrorJSONMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as any HTTPResponseError {
            throw APIError(status: error.status)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(String(describing: error))")
            throw APIError.internalError
        }
    }
}
