import DigitalOcean
import FakeDigitalOcean
import Foundation
import HTTPTypes
import Hummingbird

/// Turns each HTTP request into an `APIRequest` for `FakeDigitalOcean.respond(to:)` and its answer
/// back into HTTP, keeping status, headers and body as the fake made them: whatever a client sees
/// over the wire is exactly what the in-process transport hands the simulator. (Hummingbird adds
/// only `content-length` and `date`.)
public struct FakeDigitalOceanResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public let fake: FakeDigitalOcean
    /// Larger request bodies are refused by Hummingbird; the fake only answers GETs anyway.
    public let maxBodyBytes: Int
    /// Called before each request is answered: a moving fake brings its world up to the present.
    /// An error is answered 500 with its text.
    public let prepare: @Sendable () throws -> Void
    /// `http` or `https`: with the request's `Host`, the origin page links are built from.
    public let scheme: String

    public init(fake: FakeDigitalOcean, maxBodyBytes: Int = 1 << 20, scheme: String = "http",
                prepare: @escaping @Sendable () throws -> Void = {}) {
        self.fake = fake
        self.maxBodyBytes = maxBodyBytes
        self.scheme = scheme
        self.prepare = prepare
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        do {
            try prepare()
        } catch {
            return Response(status: .internalServerError, body: ResponseBody(byteBuffer: ByteBuffer(string: "the fake could not move: \(error)\n")))
        }
        let body = try await request.body.collect(upTo: maxBodyBytes)
        let apiRequest = APIRequest(
            method: request.method.rawValue,
            path: request.uri.path,
            query: Self.queryItems(request.uri.query),
            headers: Self.headers(request.headers),
            body: body.readableBytes == 0 ? nil : Data(body.readableBytesView))
        let answer = fake.respond(to: apiRequest, origin: Self.origin(scheme: scheme, authority: request.head.authority))
        var fields = HTTPFields()
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    /// The scheme and the `Host` the client sent (HTTP/1.1 requires one), so a client that follows a
    /// page link comes back the way it came; nil without a usable `Host` (links then name DO's host).
    static func origin(scheme: String, authority: String?) -> String? {
        guard let authority, !authority.isEmpty, !authority.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == "@" || $0.isWhitespace })
        else { return nil }
        return "\(scheme)://\(authority)"
    }

    /// `page=2&per_page=200` → items in order, percent-decoded (a `+` stays a `+`, as DO reads it).
    static func queryItems(_ query: String?) -> [QueryItem] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).removingPercentEncoding ?? String(text) }
            return QueryItem(decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Lowercased names, as `APIRequest` wants; repeated fields are joined with `, ` as HTTP allows.
    static func headers(_ fields: HTTPFields) -> [String: String] {
        var headers: [String: String] = [:]
        for field in fields {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        return headers
    }
}
