/// A droplet or volume snapshot as `GET /v2/snapshots` lists it. Unlike everywhere else, ids are
/// strings here: a numeric string for a droplet snapshot (an image id, an integer in the droplet's
/// `snapshot_ids`), a UUID for a volume snapshot; `resource_id` is the droplet id or volume UUID.
/// `tags` is required but nullable, so it is written as `null` when absent.
public struct Snapshot: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var createdAt: String
    public var regions: [String]
    public var resourceID: String
    /// `droplet` or `volume`.
    public var resourceType: String
    /// GB: the smallest disk (droplet) or volume a restore needs.
    public var minDiskSize: Int
    /// "The billable size of the snapshot in gigabytes", e.g. `2.34`. A JSON number, as godo's
    /// `float64`; consumers that need it exact read the number's text instead.
    public var sizeGigabytes: Double
    public var tags: [String]?

    public init(id: String, name: String, createdAt: String, regions: [String], resourceID: String, resourceType: String,
                minDiskSize: Int, sizeGigabytes: Double, tags: [String]?) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.regions = regions
        self.resourceID = resourceID
        self.resourceType = resourceType
        self.minDiskSize = minDiskSize
        self.sizeGigabytes = sizeGigabytes
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case id, name, regions, tags
        case createdAt = "created_at"
        case resourceID = "resource_id"
        case resourceType = "resource_type"
        case minDiskSize = "min_disk_size"
        case sizeGigabytes = "size_gigabytes"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(regions, forKey: .regions)
        try c.encode(resourceID, forKey: .resourceID)
        try c.encode(resourceType, forKey: .resourceType)
        try c.encode(minDiskSize, forKey: .minDiskSize)
        try c.encode(sizeGigabytes, forKey: .sizeGigabytes)
        try c.encode(tags, forKey: .tags)
    }
}
