import MoneyAndTime

/// A region's default VPC, as `GET /v2/vpcs` lists it. DO makes one per region when the account's
/// first resource lands there; so does the fake, with the region's first droplet.
struct FakeVPC: Sendable {
    let id: String
    let region: FakeRegion
    let createdAt: Timestamp

    /// DO names default VPCs `default-<region>`. The range is nominal: the fake draws droplets'
    /// private addresses from 10.100.0.0–10.139.255.255 regardless of region.
    var model: VPCModel {
        VPCModel(id: id, urn: "do:vpc:\(id)", name: "default-\(region.slug)", description: "", region: region.slug,
                 ipRange: "10.\(100 + (RegionCatalogue.all.firstIndex(of: region) ?? 0)).0.0/20", isDefault: true,
                 createdAt: createdAt.iso8601)
    }

    struct VPCModel: Encodable {
        let id: String
        let urn: String
        let name: String
        let description: String
        let region: String
        let ipRange: String
        let isDefault: Bool
        let createdAt: String

        enum CodingKeys: String, CodingKey {
            case id, urn, name, description, region
            case ipRange = "ip_range"
            case isDefault = "default"
            case createdAt = "created_at"
        }
    }
}
