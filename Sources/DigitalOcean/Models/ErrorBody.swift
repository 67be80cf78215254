/// DO's error body: `{"id": "not_found", "message": "...", "request_id": "..."}`.
public struct ErrorBody: Codable, Sendable, Equatable {
    /// Short identifier matching the status, e.g. `not_found`, `too_many_requests`.
    public var id: String
    public var message: String
    public var requestID: String?

    public init(id: String, message: String, requestID: String? = nil) {
        self.id = id
        self.message = message
        self.requestID = requestID
    }

    enum CodingKeys: String, CodingKey {
        case id, message
        case requestID = "request_id"
    }
}
