import Foundation

/// One backup as `GET /v2/droplets/{id}/backups` lists it (an image of type `backup`).
struct InventoryBackup: Decodable, Sendable {
    var id: Int
    var name: String
    var createdAt: String
    var regions: [String]
    var minDiskSize: Int
    var sizeGigabytes: Decimal

    enum CodingKeys: String, CodingKey {
        case id, name, regions
        case createdAt = "created_at"
        case minDiskSize = "min_disk_size"
        case sizeGigabytes = "size_gigabytes"
    }
}
