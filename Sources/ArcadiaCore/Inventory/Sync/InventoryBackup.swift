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

/// What the backups worker needs from the droplet listing: which droplets can have backups.
struct BackupCandidate: Decodable, Sendable {
    var id: Int
    var features: [String]
    var backupIDs: [Int]

    /// A droplet with backups off and none kept has none to list: DO deletes a droplet's backups
    /// when backups are disabled, so asking would only spend the rate limit.
    var mayHaveBackups: Bool { features.contains("backups") || !backupIDs.isEmpty }

    enum CodingKeys: String, CodingKey {
        case id, features
        case backupIDs = "backup_ids"
    }
}
