import Foundation
import Hummingbird

/// The request context of every route: Hummingbird's core storage, the caller's identity once
/// `AuthMiddleware` has verified a token, and an encoder that writes keys sorted so the same
/// ledger always answers with the same bytes.
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Nil on `/api/health`; always set behind `AuthMiddleware`.
    public var identity: Identity?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        identity = nil
    }

    public var responseEncoder: JSONEncoder { ServiceJSON.encoder() }

    /// The verified caller; a route behind `AuthMiddleware` never sees nil, but failing closed costs nothing.
    func caller() throws -> Identity {
        guard let identity else { throw APIError.unauthorized("missing bearer token") }
        return identity
    }

    /// The caller, who must be a platform admin: a tenant gets 403.
    func platformAdmin() throws -> Identity {
        let identity = try caller()
        guard identity.isPlatformAdmin else { throw APIError.forbidden }
        return identity
    }
}

enum ServiceJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
