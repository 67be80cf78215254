/// The shared HS512 secret that the issuing application signs with. It never has a default, and
/// it never prints: `description` says only how long it is.
public struct JWTSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// RFC 7518 §3.2: an HMAC key must be at least as long as the hash, 512 bits for HS512.
    public static let minimumBytes = 64

    let bytes: [UInt8]

    /// The secret's exact bytes (nothing is trimmed: the issuer signs with the same bytes).
    public init(_ text: String) throws(JWTSecretError) {
        guard !text.isEmpty else { throw .empty }
        guard text.utf8.count >= Self.minimumBytes else { throw .tooShort(bytes: text.utf8.count) }
        // Long enough yet no key at all: 70 spaces (an unset variable padded), or one key held down.
        guard Set(text.utf8).count > 1 else { throw .oneByteRepeated(bytes: text.utf8.count) }
        bytes = Array(text.utf8)
    }

    public var description: String { "JWTSecret(\(bytes.count) bytes, redacted)" }
    public var debugDescription: String { description }
}

/// Why a secret was refused. Neither case carries the secret itself.
public enum JWTSecretError: Error, Equatable, CustomStringConvertible {
    case empty
    case tooShort(bytes: Int)
    case oneByteRepeated(bytes: Int)

    public var description: String {
        switch self {
        case .empty: "the JWT secret is empty"
        case .tooShort(let bytes): "the JWT secret is \(bytes) bytes; HS512 needs at least \(JWTSecret.minimumBytes) (RFC 7518 §3.2)"
        case .oneByteRepeated(let bytes):
            "the JWT secret is one character repeated \(bytes) times, which is no secret; use random bytes (e.g. openssl rand -base64 64)"
        }
    }
}
