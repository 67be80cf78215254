import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

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
            (data, response) = try await Self.exchange(urlRequest, on: session)
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

    /// `session.data(for:)` without its deadlock: on Linux that one cancels its task from inside
    /// the Swift task's cancellation lock, and a cancellation that meets the answer arriving
    /// never returns (swift-corelibs-foundation #5412), so a service stopping with a request in
    /// flight hung for good. Here the task is cancelled from another queue, after the lock.
    static func exchange(_ request: URLRequest, on session: URLSession) async throws -> (Data, URLResponse) {
        let inFlight = InFlightTask()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let data, let response {
                        continuation.resume(returning: (data, response))
                    } else {
                        continuation.resume(throwing: error ?? URLError(.badServerResponse))
                    }
                }
                inFlight.start(task)
            }
        } onCancel: {
            inFlight.cancel()
        }
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

/// The data task of one exchange, and whether it was cancelled before it existed.
private final class InFlightTask: Sendable {
    private let state = Mutex<(task: URLSessionDataTask?, cancelled: Bool)>((nil, false))

    func start(_ task: URLSessionDataTask) {
        let cancelled = state.withLock { state in
            state.task = task
            return state.cancelled
        }
        task.resume()
        if cancelled { Self.cancelLater(task) }
    }

    func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        if let task { Self.cancelLater(task) }
    }

    /// Off the caller's thread: the caller may hold the Swift task's lock that the session's queue
    /// needs to deliver an answer, while `URLSessionTask.cancel` waits for that queue.
    private static func cancelLater(_ task: URLSessionDataTask) {
        DispatchQueue.global().async { task.cancel() }
    }
}
