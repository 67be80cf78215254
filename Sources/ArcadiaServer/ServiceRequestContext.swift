import Foundation
import Hummingbird

/// The request context of every route: Hummingbird's core storage and the caller's identity once
/// `AuthMiddleware` has verified a token.
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Nil on `/api/health`; always set behind `AuthMiddleware`.
    public var identity: Identity?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        identity = nil
    }

    /// The verified caller; a route behind `AuthMiddleware` never sees nil, but failing closed costs nothing.
    func caller() throws -> Identity {
        guard let identity else { throw APIError.unauthorized("missing bearer token", tokenSent: false) }
        return identity
    }

    /// The caller, who must be a platform admin: a tenant gets 403.
    func platformAdmin() throws -> Identity {
        let identity = try caller()
        guard identity.isPlatformAdmin else { throw APIError.forbidden }
        return identity
    }
}

/// The one JSON encoder of the API: keys sorted, so the same ledger always answers with the same bytes.
enum ServiceJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
