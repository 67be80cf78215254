import Foundation
import HTTPTypes
import Hummingbird

/// Which browser origins may call the API. Off by default: a browser page on another origin
/// then cannot read any answer. `*` allows any origin (tokens travel in the Authorization header,
/// never in cookies, so no credentials mode is ever allowed).
public enum CORSPolicy: Sendable, Equatable {
    case disabled
    case anyOrigin
    /// Exact origins, e.g. `https://console.example.com`.
    case origins([String])

    /// From `--cors-origin` values and/or a comma-separated list: each an origin
    /// (`scheme://host[:port]`, no path) or `*` alone. An empty list disables CORS.
    public init(parsing values: [String]) throws(CORSPolicyError) {
        let origins = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if origins.isEmpty {
            self = .disabled
            return
        }
        if origins.contains("*") {
            guard origins.allSatisfy({ $0 == "*" }) else { throw .wildcardWithOthers }
            self = .anyOrigin
            return
        }
        for origin in origins where !Self.isOrigin(origin) {
            throw .notAnOrigin(origin)
        }
        var unique: [String] = []
        for origin in origins where !unique.contains(origin) { unique.append(origin) }
        self = .origins(unique)
    }

    private static func isOrigin(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil, url.path.isEmpty, url.query == nil, url.fragment == nil, url.user == nil else { return false }
        return true
    }

    /// Adds this policy's middleware to `router` (nothing when CORS is off). Call first, so the
    /// CORS headers land on error answers too.
    func install<Context: RequestContext>(on router: Router<Context>) {
        switch self {
        case .disabled: break
        case .anyOrigin: router.add(middleware: Self.cors(.all))
        case .origins(let origins): router.add(middleware: AllowListedCORSMiddleware(allowed: Set(origins), cors: Self.cors(.originBased)))
        }
    }

    static func cors<Context: RequestContext>(_ allow: CORSMiddleware<Context>.AllowOriginExtended) -> CORSMiddleware<Context> {
        CORSMiddleware(allowOrigin: allow, allowHeaders: [.accept, .authorization, .contentType, .origin],
                       allowMethods: [.get, .post, .options], allowCredentials: false, maxAge: .seconds(600))
    }
}

public enum CORSPolicyError: Error, Equatable, CustomStringConvertible {
    case notAnOrigin(String)
    case wildcardWithOthers

    public var description: String {
        switch self {
        case .notAnOrigin(let text): "CORS origin '\(text)' is not an origin like https://console.example.com (scheme, host, optional port, no path)"
        case .wildcardWithOthers: "CORS origin '*' allows every origin; give it alone"
        }
    }
}

/// Hummingbird's `CORSMiddleware` for the listed origins only. A request from any other origin
/// goes on without CORS headers, so the browser withholds the answer from that page (and its
/// preflight finds no route to answer it). Every answer says `Vary: Origin`, as the allowed
/// ones do: an answer without CORS headers must not be served from a shared cache to an allowed
/// origin (nor the other way round), and an error thrown below gets it too.
struct AllowListedCORSMiddleware<Context: RequestContext>: RouterMiddleware {
    let allowed: Set<String>
    let cors: CORSMiddleware<Context>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], allowed.contains(origin) else {
            do {
                var response = try await next(request, context)
                response.headers[values: .vary] = Self.varyingOnOrigin(response.headers[values: .vary])
                return response
            } catch let error as HTTPResponseError {
                var response = try error.response(from: request, context: context)
                response.headers[values: .vary] = Self.varyingOnOrigin(response.headers[values: .vary])
                return response
            }
        }
        return try await cors.handle(request, context: context, next: next)
    }
}

extension AllowListedCORSMiddleware {
    /// `vary` with `Origin` among its values, once.
    static func varyingOnOrigin(_ vary: [String]) -> [String] {
        vary.contains { $0.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare("Origin") == .orderedSame } }
            ? vary : vary + ["Origin"]
    }
}
