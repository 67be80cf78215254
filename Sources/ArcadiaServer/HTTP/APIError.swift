import Foundation
import HTTPTypes
import Hummingbird

/// Every error the API answers, as JSON:
/// `{"error": {"status": 400, "code": "invalid_parameter", "parameter": "limit", "message": "…"}}`.
/// `parameter` is present exactly when one query or path parameter is to blame, `field` when one
/// field of a request body is (`plans[0].code`, `country`).
struct APIError: Error, HTTPResponseError, Equatable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var parameter: String?
    var field: String?
    var headers: HTTPFields = [:]

    static func invalidParameter(_ name: String, _ message: String) -> APIError {
        APIError(status: .badRequest, code: "invalid_parameter", message: "\(name): \(message)", parameter: name)
    }

    /// A request body that is refused: the field to blame, or nil for the body as a whole.
    static func invalidBody(_ field: String?, _ message: String) -> APIError {
        var error = APIError(status: .badRequest, code: "invalid_body", message: field.map { "\($0): \(message)" } ?? message)
        error.field = field
        return error
    }

    /// RFC 6750 §3: a 401 says which scheme to use and, when a token was sent, that it was refused
    /// (a request with no token gets no error code).
    static func unauthorized(_ message: String, tokenSent: Bool = true) -> APIError {
        let challenge = tokenSent ? #"Bearer realm="arcadia", error="invalid_token""# : #"Bearer realm="arcadia""#
        return APIError(status: .unauthorized, code: "unauthorized", message: message, headers: [.wwwAuthenticate: challenge])
    }

    /// RFC 9110 §15.5.14: a body over the limit is refused unread, so the client knows that
    /// shortening it, not correcting it, is the way out.
    static func contentTooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "content_too_large", message: "the body is larger than \(limit) bytes")
    }

    static let forbidden = APIError(status: .forbidden, code: "forbidden", message: "this endpoint is for platform admins only")

    static func notFound(_ message: String) -> APIError {
        APIError(status: .notFound, code: "not_found", message: message)
    }

    static func conflict(_ message: String) -> APIError {
        APIError(status: .conflict, code: "conflict", message: message)
    }

    static let internalError = APIError(status: .internalServerError, code: "internal_error",
                                        message: "the server failed to answer; the error is in its log")

    /// Any other HTTP status (a route that does not exist, a method it does not take) in the same shape.
    init(status: HTTPResponse.Status) {
        let code = status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
        self.init(status: status, code: code, message: status.reasonPhrase)
    }

    init(status: HTTPResponse.Status, code: String, message: String, parameter: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.parameter = parameter
        self.headers = headers
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            var status: Int
            var code: String
            var message: String
            var parameter: String?
            var field: String?
        }
        var error: Detail
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(error: .init(status: status.code, code: code, message: message, parameter: parameter, field: field))
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let data = try ServiceJSON.encoder().encode(body)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
