/// A reserved (formerly floating) IPv4 address: `GET /v2/reserved_ips` and, under its old name,
/// `GET /v2/floating_ips`. Unassigned is `"droplet": null`, and that is the billable state.
public struct ReservedIP: Codable, Sendable, Equatable {
    public var ip: String
    public var droplet: Droplet?
    public var region: Region
    public var locked: Bool
    public var projectID: String

    public init(ip: String, droplet: Droplet?, region: Region, locked: Bool, projectID: String) {
        self.ip = ip
        self.droplet = droplet
        self.region = region
        self.locked = locked
        self.projectID = projectID
    }

    enum CodingKeys: String, CodingKey {
        case ip, droplet, region, locked
        case projectID = "project_id"
    }

    /// `droplet` is required and nullable: it is written as `null`, never left out.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ip, forKey: .ip)
        try container.encode(droplet, forKey: .droplet)
        try container.encode(region, forKey: .region)
        try container.encode(locked, forKey: .locked)
        try container.encode(projectID, forKey: .projectID)
    }
}
