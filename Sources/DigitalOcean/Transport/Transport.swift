import Foundation

/// One HTTP request to a DigitalOcean-compatible API, independent of how it travels.
public struct APIRequest: Hashable, Sendable {
    public var method: String
    /// The path below the API root, e.g. `/v2/droplets`.
    public var path: String
    /// Query parameters in the order they are sent.
    public var query: [QueryItem]
    /// Header names are lowercased.
    public var headers: [String: String]
    public var body: Data?

    public init(method: String = "GET", path: String, query: [QueryItem] = [], headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// `GET /v2/droplets?page=2&per_page=200`: how a request is named in errors and logs.
    /// Never includes headers, so a token cannot leak through it. Also the key the fake caches
    /// responses under, asked for several times a request, so written into one string.
    public var summary: String {
        var text = method
        text.reserveCapacity(method.utf8.count + path.utf8.count + 2 + query.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 })
        text += " "
        text += path
        for (index, item) in query.enumerated() {
            text += index == 0 ? "?" : "&"
            text += item.name
            text += "="
            text += item.value
        }
        return text
    }
}

public struct QueryItem: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One HTTP response. Header names are lowercased (HTTP headers are case-insensitive).
public struct APIResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// How requests reach an API: real HTTP in production, the fake provider's in-process transport in
/// the simulator. The client is the same either way; only the transport differs.
public protocol Transport: Sendable {
    func send(_ request: APIRequest) async throws -> APIResponse
}
