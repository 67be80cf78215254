/// A project (`GET /v2/projects`). Project ids are UUID strings, kept as `String` because DO's own
/// examples use ids that are not RFC UUIDs.
public struct Project: Codable, Sendable, Equatable {
    public var id: String
    public var ownerUUID: String
    public var ownerID: Int
    public var name: String
    public var description: String
    public var purpose: String
    /// `Development`, `Staging` or `Production`; written as `null` when unset so the shape is stable.
    public var environment: String?
    public var isDefault: Bool
    public var createdAt: String
    public var updatedAt: String

    public init(id: String, ownerUUID: String, ownerID: Int, name: String, description: String, purpose: String,
                environment: String?, isDefault: Bool, createdAt: String, updatedAt: String) {
        self.id = id
        self.ownerUUID = ownerUUID
        self.ownerID = ownerID
        self.name = name
        self.description = description
        self.purpose = purpose
        self.environment = environment
        self.isDefault = isDefault
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, purpose, environment
        case ownerUUID = "owner_uuid"
        case ownerID = "owner_id"
        case isDefault = "is_default"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(ownerUUID, forKey: .ownerUUID)
        try c.encode(ownerID, forKey: .ownerID)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(purpose, forKey: .purpose)
        try c.encode(environment, forKey: .environment)
        try c.encode(isDefault, forKey: .isDefault)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}
