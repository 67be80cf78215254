/// A DNS zone (`GET /v2/domains`). `ttl` and `zone_file` are nullable in DO's schema and are written
/// as explicit `null` when absent so encoded domains keep DO's shape.
public struct Domain: Codable, Sendable, Equatable {
    public var name: String
    public var ttl: Int?
    public var zoneFile: String?

    public init(name: String, ttl: Int?, zoneFile: String?) {
        self.name = name
        self.ttl = ttl
        self.zoneFile = zoneFile
    }

    enum CodingKeys: String, CodingKey {
        case name, ttl
        case zoneFile = "zone_file"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(ttl, forKey: .ttl)
        try c.encode(zoneFile, forKey: .zoneFile)
    }
}
