/// Everything that can go wrong talking to DO. Every case names the request by `APIRequest.summary`
/// (method, path, query), never by headers, so the token cannot leak into logs or ledgers.
public enum DigitalOceanError: Error, Equatable, CustomStringConvertible {
    /// DO answered with a non-2xx status.
    case api(APIFailure)
    /// A 2xx body that does not have the expected shape.
    case decoding(request: String, detail: String)
    /// The request never got an HTTP answer.
    case transport(request: String, detail: String)
    /// A page of a listing failed, so the listing as a whole is unusable.
    indirect case listingFailed(request: String, page: Int, cause: DigitalOceanError)
    /// The pages do not add up (`meta.total` moved, or the item count differs from it): something
    /// appeared or vanished mid-walk and an item may have been skipped or seen twice.
    case inconsistentListing(request: String, detail: String)

    public var description: String {
        switch self {
        case .api(let failure):
            return failure.description
        case .decoding(let request, let detail):
            return "\(request): unexpected response body: \(detail)"
        case .transport(let request, let detail):
            return "\(request): transport failed: \(detail)"
        case .listingFailed(let request, let page, let cause):
            return "listing \(request) failed on page \(page): \(cause)"
        case .inconsistentListing(let request, let detail):
            return "listing \(request) is inconsistent: \(detail)"
        }
    }

    /// The HTTP status behind this error, looking through `listingFailed`.
    public var status: Int? {
        switch self {
        case .api(let failure): failure.status
        case .listingFailed(_, _, let cause): cause.status
        default: nil
        }
    }
}

/// A non-2xx answer from DO, with its error body decoded when it was JSON.
public struct APIFailure: Sendable, Equatable, CustomStringConvertible {
    /// `APIRequest.summary` of the failed request.
    public var request: String
    public var status: Int
    /// DO's short error id (`not_found`); nil when the body was not DO's JSON error shape.
    public var id: String?
    /// DO's message, or the raw body verbatim when it was not JSON (as godo does).
    public var message: String
    /// From the body, falling back to the `x-request-id` header.
    public var requestID: String?
    /// Seconds from `retry-after`, sent with 429s caused by the burst limit.
    public var retryAfter: Int?

    public init(request: String, status: Int, id: String?, message: String, requestID: String?, retryAfter: Int? = nil) {
        self.request = request
        self.status = status
        self.id = id
        self.message = message
        self.requestID = requestID
        self.retryAfter = retryAfter
    }

    /// godo's shape: `GET /v2/droplets/1: 404 not_found (request "abc") The resource ...`.
    public var description: String {
        var text = "\(request): \(status)"
        if let id { text += " \(id)" }
        if let requestID { text += " (request \"\(requestID)\")" }
        if !message.isEmpty { text += " \(message)" }
        if let retryAfter { text += " (retry after \(retryAfter)s)" }
        return text
    }
}
