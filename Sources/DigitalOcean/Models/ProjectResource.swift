/// One resource assigned to a project (`GET /v2/projects/{id}/resources`), named by URN
/// (`do:droplet:13457723`, `do:domain:example.com`, ...).
public struct ProjectResource: Codable, Sendable, Equatable {
    public var urn: String
    public var assignedAt: String
    public var links: Links?
    /// `ok`, `not_found`, `assigned`, `already_assigned` or `service_down`.
    public var status: String

    public init(urn: String, assignedAt: String, links: Links?, status: String) {
        self.urn = urn
        self.assignedAt = assignedAt
        self.links = links
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case urn, links, status
        case assignedAt = "assigned_at"
    }

    /// The URN's kind (`droplet`, `domain`, ...) and id, or nil when it is not `do:<kind>:<id>`.
    /// The id may itself contain colons (IPv6 addresses), so only the first two separators split.
    public var parsedURN: (kind: String, id: String)? {
        let parts = urn.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "do", !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        return (String(parts[1]), String(parts[2]))
    }

    /// `{"self": "<absolute URL of the resource>"}`.
    public struct Links: Codable, Sendable, Equatable {
        /// JSON key `self`, renamed because `self` is awkward as a Swift property.
        public var selfURL: String

        public init(selfURL: String) {
            self.selfURL = selfURL
        }

        enum CodingKeys: String, CodingKey {
            case selfURL = "self"
        }
    }
}
