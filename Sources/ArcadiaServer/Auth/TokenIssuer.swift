import ArcadiaCore
import Foundation
import DigitalOcean
import JWTKit
import MoneyAndTime

/// Mints the HS512 tokens `TokenVerifier` accepts, for local development (`arcadia token`); in
/// production tokens come from the issuing application, which shares the secret.
public struct TokenIssuer: Sendable {
    public let secret: JWTSecret
    public let clock: EngineClock

    public init(secret: JWTSecret, clock: EngineClock) {
        self.secret = secret
        self.clock = clock
    }

    /// A token for `role` (a tenant's names `tenant`, its `tenants.code`), valid from now for `ttl`
    /// seconds, with an `aud` claim only when `audience` is given.
    public func token(role: Identity.Role, tenant: String?, subject: String, ttl: Int64, audience: String? = nil) async throws -> String {
        let now = clock.now()
        let claims = AccessClaims(sub: SubjectClaim(value: subject), role: role.rawValue, tenantID: role == .tenant ? tenant : nil,
                                  exp: ExpirationClaim(value: Date(timeIntervalSince1970: TimeInterval(now.seconds + ttl))),
                                  nbf: NotBeforeClaim(value: Date(timeIntervalSince1970: TimeInterval(now.seconds))),
                                  aud: audience.map { AudienceClaim(value: [$0]) })
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret.bytes), digestAlgorithm: .sha512)
        return try await keys.sign(claims)
    }
}
