/// An image (distribution, snapshot or backup) as embedded in a droplet.
///
/// The trailing fields are optional because backup listings reuse this shape without them.
/// `slug` is nullable in DO's schema, so it is always written, as `null` when absent.
public struct Image: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var distribution: String
    public var slug: String?
    public var isPublic: Bool
    public var regions: [String]
    public var createdAt: String
    /// `base`, `snapshot`, `backup`, `custom` or `admin`.
    public var type: String
    public var minDiskSize: Int
    public var sizeGigabytes: Double
    public var description: String?
    public var tags: [String]?
    public var status: String?
    public var errorMessage: String?

    public init(id: Int, name: String, distribution: String, slug: String?, isPublic: Bool, regions: [String],
                createdAt: String, type: String, minDiskSize: Int, sizeGigabytes: Double, description: String? = nil,
                tags: [String]? = nil, status: String? = nil, errorMessage: String? = nil) {
        self.id = id
        self.name = name
        self.distribution = distribution
        self.slug = slug
        self.isPublic = isPublic
        self.regions = regions
        self.createdAt = createdAt
        self.type = type
        self.minDiskSize = minDiskSize
        self.sizeGigabytes = sizeGigabytes
        self.description = description
        self.tags = tags
        self.status = status
        self.errorMessage = errorMessage
    }

    enum CodingKeys: String, CodingKey {
        case id, name, distribution, slug, regions, type, description, tags, status
        case isPublic = "public"
        case createdAt = "created_at"
        case minDiskSize = "min_disk_size"
        case sizeGigabytes = "size_gigabytes"
        case errorMessage = "error_message"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(distribution, forKey: .distribution)
        try c.encode(slug, forKey: .slug)
        try c.encode(isPublic, forKey: .isPublic)
        try c.encode(regions, forKey: .regions)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(type, forKey: .type)
        try c.encode(minDiskSize, forKey: .minDiskSize)
        try c.encode(sizeGigabytes, forKey: .sizeGigabytes)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encodeIfPresent(tags, forKey: .tags)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(errorMessage, forKey: .errorMessage)
    }
}
