import DigitalOcean
import Foundation

/// The part of DO's snapshot JSON (`GET /v2/snapshots`) the inventory keeps. `size_gigabytes` is
/// read as a `Decimal`, which JSONDecoder builds from the number's digits, so `2.34` is stored as
/// `2.34`, never as the nearest binary double.
struct InventorySnapshot: Decodable, Sendable {
    var id: String
    var name: String
    var createdAt: String
    var regions: [String]
    var resourceID: String
    var resourceType: String
    var minDiskSize: Int
    var sizeGigabytes: Decimal
    var tags: [String]?

    enum CodingKeys: String, CodingKey {
        case id, name, regions, tags
        case createdAt = "created_at"
        case resourceID = "resource_id"
        case resourceType = "resource_type"
        case minDiskSize = "min_disk_size"
        case sizeGigabytes = "size_gigabytes"
    }
}
