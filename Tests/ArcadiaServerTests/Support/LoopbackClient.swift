import ArcadiaCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes

/// A plain HTTP/1.1 client for the service on a loopback port: Foundation's `URLSession` (libcurl
/// on Linux), the kind of client a console or a script would use. No cookies, no cache.
struct LoopbackClient: Sendable {
    let port: Int
    private let session: URLSession

    init(port: Int) {
        self.port = port
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = 20
        session = URLSession(configuration: configuration)
    }

    struct Response: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data

        /// The body as JSON (a failed parse fails the test that reads it).
        var json: JSONValue {
            get throws { try JSONDecoder().decode(JSONValue.self, from: body) }
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct BadURI: Error { var uri: String }

    /// `uri` is a path with an already percent-encoded query, sent as written.
    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: Data? = nil) async throws -> Response {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(uri)") else { throw BadURI(uri: uri) }
        var request = URLRequest(url: url)
        request.httpMethod = method.rawValue
        request.httpBody = body
        for field in headers { request.addValue(field.value, forHTTPHeaderField: field.name.rawName) }
        let (data, answer) = try await session.data(for: request)
        guard let http = answer as? HTTPURLResponse else { throw BadURI(uri: uri) }
        var fields = HTTPFields()
        for (name, value) in http.allHeaderFields {
            guard let name = (name as? String).flatMap({ HTTPField.Name($0) }), let value = value as? String else { continue }
            fields.append(HTTPField(name: name, value: value))
        }
        return Response(status: HTTPResponse.Status(code: http.statusCode), headers: fields, body: data)
    }

    /// A request with a body (`application/json` unless `contentType` says otherwise).
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String?, body: String,
              contentType: String = "application/json") async throws -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: method, headers: headers, body: Data(body.utf8))
    }

    func get(_ uri: String, token: String?, headers: HTTPFields = [:]) async throws -> Response {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    func post(_ uri: String, token: String?) async throws -> Response {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: .post, headers: headers)
    }
}
