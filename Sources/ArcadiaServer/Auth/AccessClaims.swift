import JWTKit

/// The claims of an access token, as the issuing application writes them:
/// `{"sub": "...", "role": "platform_admin" | "tenant", "tenant_id": "<tenants.code>", "exp": …, "nbf": …, "aud": …}`.
///
/// Every field is optional here so that a missing claim is reported by name by `TokenVerifier`
/// rather than as an opaque decoding failure. `verify(using:)` deliberately checks nothing: the
/// time claims are judged by `TokenVerifier` against the injected clock, never the wall clock, and
/// the audience against the service's own.
struct AccessClaims: JWTPayload {
    var sub: SubjectClaim?
    var role: String?
    var tenantID: String?
    var exp: ExpirationClaim?
    var nbf: NotBeforeClaim?
    /// A string or a list of strings (RFC 7519 §4.1.3).
    var aud: AudienceClaim?

    enum CodingKeys: String, CodingKey {
        case sub, role, exp, nbf, aud
        case tenantID = "tenant_id"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
