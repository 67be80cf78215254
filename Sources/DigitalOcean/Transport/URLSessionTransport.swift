import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The production transport: real HTTP(S) through URLSession, to DigitalOcean or to anything that
/// speaks its API (`arcadia fake-do serve`). It sends the request as given and reports the answer
/// as it came, whatever the status; retries are `RetryingTransport`'s job, errors the client's.
///
/// Redirects are not followed: DO's API never redirects, and following one could carry the bearer
/// token to another host. Nothing is cached and no cookies are kept.
public struct URLSessionTransport: Transport {
    public static let digitalOcean = URL(string: "https://api.digitalocean.com")!

    /// The API root; a request's `path` (`/v2/droplets`) is appended to it.
    public let baseURL: URL
    private let session: URLSession

    public init(baseURL: URL = URLSessionTransport.digitalOcean, timeout: Duration = .seconds(30)) {
        self.baseURL = baseURL
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.timeoutIntervalForRequest = Double(timeout.components.seconds)
        session = URLSession(configuration: configuration, delegate: RefuseRedirects(), delegateQueue: nil)
    }

    public func send(_ request: APIRequest) async throws -> APIResponse {
        guard let url = url(for: request) else {
            throw HTTPTransportError(detail: "cannot form a URL from \(baseURL.absoluteString) and \(request.summary)")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        urlRequest.httpBody = request.body
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError where error.code == .cancelled {
            throw CancellationError()
        } catch let error as URLError {
            // Only the code and Foundation's text: the error's user info holds the request.
            throw HTTPTransportError(detail: "no answer from \(Self.origin(of: baseURL)): URLError \(error.code.rawValue) \(error.localizedDescription)")
        } catch {
            throw HTTPTransportError(detail: "no answer from \(Self.origin(of: baseURL)): \(type(of: error))")
        }
        guard let http = response as? HTTPURLResponse else {
            throw HTTPTransportError(detail: "\(Self.origin(of: baseURL)) did not answer in HTTP")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            guard let name = name as? String else { continue }
            headers[name.lowercased()] = "\(value)"
        }
        return APIResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// `baseURL` + `path`, with the query items in order and percent-encoded.
    public func url(for request: APIRequest) -> URL? {
        var root = baseURL.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        guard var components = URLComponents(string: root + request.path) else { return nil }
        components.queryItems = request.query.isEmpty ? nil : request.query.map { URLQueryItem(name: $0.name, value: $0.value) }
        return components.url
    }

    /// `scheme://host:port` only, for error text.
    static func origin(of url: URL) -> String {
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(url.scheme ?? "http")://\(url.host ?? "?")\(port)"
    }
}

/// Hands a redirect back as the response instead of following it (see `URLSessionTransport`).
private final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
