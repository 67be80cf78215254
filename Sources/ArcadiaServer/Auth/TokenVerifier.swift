import ArcadiaCore
import DigitalOcean
import Foundation
import JWTKit

/// Verifies access tokens issued by another application: HS512 with the shared secret, nothing
/// else. The header's `alg` is checked before any signature work, so `none`, HS256 (even with the
/// same secret) or an asymmetric algorithm is refused by name rather than by a failed HMAC.
/// Expiry and not-before are judged against the injected clock. A token with an `aud` claim must
/// name this service's audience in it (RFC 7519 §4.1.3): a token the issuer minted for another
/// service sharing the secret is not a token for this one. A token without `aud` is accepted, as
/// the issuer's tokens and `arcadia token`'s carry none unless asked.
public struct TokenVerifier: Sendable {
    static let algorithm = "HS512"
    /// The audience `arcadia serve` identifies itself with unless `--jwt-audience` says otherwise.
    public static let defaultAudience = "arcadia"

    private let keys: JWTKeyCollection
    private let clock: EngineClock
    public let audience: String

    public init(secret: JWTSecret, clock: EngineClock, audience: String = TokenVerifier.defaultAudience) async {
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret.bytes), digestAlgorithm: .sha512)
        self.clock = clock
        self.audience = audience
    }

    /// The identity an `Authorization` header value proves.
    func identity(authorization: String?) async throws(AuthFailure) -> Identity {
        guard let authorization, !authorization.isEmpty else { throw .missingToken }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw .notBearer }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        let alg = try Self.headerAlgorithm(token)
        try Self.checkSegments(token)
        guard alg == Self.algorithm else { throw .algorithmNotAccepted(alg) }
        let claims: AccessClaims
        do {
            claims = try await keys.verify(token, as: AccessClaims.self)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw .badSignature
        } catch {
            throw .malformed("the payload is not a JSON object of the expected claims")
        }
        return try identity(claims)
    }

    private func identity(_ claims: AccessClaims) throws(AuthFailure) -> Identity {
        let now = Double(clock.now().seconds)
        guard let exp = claims.exp else { throw .missingClaim("exp") }
        guard now < exp.value.timeIntervalSince1970 else { throw .expired }
        if let nbf = claims.nbf, now < nbf.value.timeIntervalSince1970 { throw .notYetValid }
        if let aud = claims.aud, !aud.value.contains(audience) { throw .notForThisService(audience: audience) }
        guard let subject = claims.sub?.value, !subject.isEmpty else { throw .missingClaim("sub") }
        guard let roleText = claims.role else { throw .missingClaim("role") }
        guard let role = Identity.Role(rawValue: roleText) else {
            throw .invalidClaim("role", "must be one of \(Identity.Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        switch role {
        case .platformAdmin:
            return Identity(subject: subject, scope: .platform)
        case .tenant:
            guard let tenant = claims.tenantID, !tenant.isEmpty else { throw .missingClaim("tenant_id") }
            return Identity(subject: subject, scope: .tenant(code: tenant))
        }
    }

    /// Every segment in canonical base64url (no padding, no stray bits: one token, one spelling),
    /// and no key twice in the header or the claims.
    static func checkSegments(_ token: String) throws(AuthFailure) {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            guard let data = Base64URL.decode(segment) else {
                throw .malformed("the \(["header", "payload", "signature"][index]) is not canonical base64url")
            }
            if index < 2, let key = JSONDuplicateKeys.first(in: Array(data)) {
                throw .malformed("the \(index == 0 ? "header" : "payload") has the key '\(key.prefix(16))' twice")
            }
        }
    }

    /// The `alg` of a compact JWS's protected header, read without trusting anything else in it.
    static func headerAlgorithm(_ token: String) throws(AuthFailure) -> String {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3 else { throw .malformed("a JWT has three dot-separated parts, this has \(segments.count)") }
        guard let data = Base64URL.decode(segments[0]) else { throw .malformed("the header is not base64url") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .malformed("the header is not a JSON object")
        }
        guard let alg = object["alg"] as? String else { throw .malformed("the header has no 'alg'") }
        // RFC 7515 §4.1.11: a recipient that does not understand a listed critical extension must reject.
        guard object["crit"] == nil else { throw .malformed("the header lists critical extensions ('crit'), none of which are supported") }
        return alg
    }
}

/// Unpadded base64url (RFC 7515 §2), as JWT segments are written. Only the canonical spelling
/// decodes: no `=` padding, and the unused low bits of the last character zero.
enum Base64URL {
    static func decode(_ text: some StringProtocol) -> Data? {
        guard text.utf8.allSatisfy({ $0.isBase64URLDigit }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let remainder = base64.utf8.count % 4
        guard remainder != 1 else { return nil }
        if remainder > 0 { base64 += String(repeating: "=", count: 4 - remainder) }
        guard let data = Data(base64Encoded: base64), encode(data) == String(text) else { return nil }
        return data
    }

    static func encode(_ data: Data) -> String {
        var text = data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }
}

private extension UInt8 {
    var isBase64URLDigit: Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || self == UInt8(ascii: "-") || self == UInt8(ascii: "_")
    }
}
