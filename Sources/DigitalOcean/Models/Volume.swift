/// A block storage volume (`GET /v2/volumes`). `droplet_ids` is nullable and holds at most one
/// droplet: a volume attaches to one droplet at a time.
public struct Volume: Codable, Sendable, Equatable {
    public var id: String
    public var region: Region
    public var dropletIDs: [Int]?
    public var name: String
    public var description: String
    public var sizeGigabytes: Int
    public var createdAt: String
    public var filesystemType: String?
    public var filesystemLabel: String?
    public var tags: [String]?

    public init(id: String, region: Region, dropletIDs: [Int]?, name: String, description: String, sizeGigabytes: Int,
                createdAt: String, filesystemType: String?, filesystemLabel: String?, tags: [String]?) {
        self.id = id
        self.region = region
        self.dropletIDs = dropletIDs
        self.name = name
        self.description = description
        self.sizeGigabytes = sizeGigabytes
        self.createdAt = createdAt
        self.filesystemType = filesystemType
        self.filesystemLabel = filesystemLabel
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case id, region, name, description, tags
        case dropletIDs = "droplet_ids"
        case sizeGigabytes = "size_gigabytes"
        case createdAt = "created_at"
        case filesystemType = "filesystem_type"
        case filesystemLabel = "filesystem_label"
    }
}
