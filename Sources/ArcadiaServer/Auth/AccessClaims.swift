import JWTKit

/// The claims of an access token, as the issuing application writes them:
/// `{"sub": "...", "role": "platform_admin" | "tenant", "tenant_id": "<tenants.code>", "exp": …, "nbf": …}`.
///
/// Every field is optional here so that a missing claim is reported by name by `TokenVerifier`
/// rather than as an opaque decoding failure. `verify(using:)` deliberately checks nothing: the
/// time claims are judged by `TokenVerifier` against the injected clock, never the wall clock.
struct AccessClaims: JWTPayload {
    var sub: SubjectClaim?
    var role: String?
    var tenantID: String?
    var exp: ExpirationClaim?
    var nbf: NotBeforeClaim?

    enum CodingKeys: String, CodingKey {
        case sub, role, exp, nbf
        case tenantID = "tenant_id"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
