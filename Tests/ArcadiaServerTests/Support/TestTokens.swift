import ArcadiaServer
import DigitalOcean
import Foundation
import JWTKit
import MoneyAndTime

/// Tokens as the issuing application would mint them, and the broken ones it must never be
/// mistaken for. Signed with jwt-kit itself, so a good token is a real HS512 JWS.
enum TestTokens {
    /// 80 bytes; recognisable, so a leak into any output is found by a plain search.
    static let secretText = String(repeating: "arcadia-TEST-secret-", count: 4)
    static let otherSecretText = String(repeating: "some-OTHER-secret---", count: 4)

    struct Claims: JWTPayload, Equatable {
        var sub: String?
        var role: String?
        var tenant_id: String?
        var exp: Int64?
        var nbf: Int64?
        var aud: Audience?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// `aud` in either of its JSON forms (RFC 7519 §4.1.3).
    enum Audience: Codable, Equatable {
        case one(String)
        case list([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let audience = try? container.decode(String.self) {
                self = .one(audience)
            } else {
                self = .list(try container.decode([String].self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .one(let audience): try container.encode(audience)
            case .list(let audiences): try container.encode(audiences)
            }
        }
    }

    static func admin(at now: Timestamp) -> Claims {
        Claims(sub: "ops@platform", role: "platform_admin", tenant_id: nil, exp: now.seconds + 3_600, nbf: now.seconds - 60)
    }

    static func tenant(_ code: String, at now: Timestamp) -> Claims {
        Claims(sub: "user@\(code)", role: "tenant", tenant_id: code, exp: now.seconds + 3_600, nbf: now.seconds - 60)
    }

    static func sign(_ claims: Claims, digest: DigestAlgorithm = .sha512, secret: String = secretText) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: digest)
        return try await keys.sign(claims)
    }

    /// `alg: none` with an empty signature, the classic forgery.
    static func unsecured(_ claims: Claims) throws -> String {
        let header = base64URL(Data(#"{"alg":"none","typ":"JWT"}"#.utf8))
        let payload = base64URL(try JSONEncoder().encode(claims))
        return "\(header).\(payload)."
    }

    /// A real HS512 token whose header is swapped for another, keeping payload and signature.
    static func withHeader(_ token: String, _ json: String) -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        return "\(base64URL(Data(json.utf8))).\(parts[1]).\(parts[2])"
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
