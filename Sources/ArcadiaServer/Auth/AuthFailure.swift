/// Why a request was not authenticated (every case is a 401). The messages name what was wrong
/// with the token, never its content.
enum AuthFailure: Error, Equatable, CustomStringConvertible {
    case missingToken
    case notBearer
    case malformed(String)
    case algorithmNotAccepted(String)
    case badSignature
    case missingClaim(String)
    case invalidClaim(String, String)
    case expired
    case notYetValid
    case notForThisService(audience: String)

    var description: String {
        switch self {
        case .missingToken: "missing bearer token: send Authorization: Bearer <JWT>"
        case .notBearer: "the Authorization header is not a bearer token"
        case .malformed(let why): "malformed token: \(why)"
        case .algorithmNotAccepted(let alg): "token algorithm '\(alg.prefix(16))' is not accepted; tokens must be signed HS512"
        case .badSignature: "token signature does not verify"
        case .missingClaim(let claim): "token has no '\(claim)' claim"
        case .invalidClaim(let claim, let why): "token claim '\(claim)' \(why)"
        case .expired: "token has expired"
        case .notYetValid: "token is not valid yet (nbf is in the future)"
        case .notForThisService(let audience): "token is meant for another service: its 'aud' claim does not include '\(audience)'"
        }
    }
}
