import DigitalOcean

/// The part of DO's droplet JSON the inventory keeps. Decoding the full `Droplet` (its size,
/// region and image objects each carry long lists) was half the simulator's time; this view reads
/// the same bytes, skips what the ledger never stores, and a test holds it to the full model.
struct InventoryDroplet: Decodable, Sendable {
    var id: Int
    var name: String
    var memory: Int
    var vcpus: Int
    var disk: Int
    var locked: Bool
    var status: String
    var createdAt: String
    var features: [String]
    var backupIDs: [Int]
    var image: Slug
    var sizeSlug: String
    var networks: Networks
    var region: Slug
    var tags: [String]

    struct Slug: Decodable, Sendable {
        var slug: String?
    }

    struct Networks: Decodable, Sendable {
        var v4: [Address]
        struct Address: Decodable, Sendable {
            var ipAddress: String
            var type: String
            enum CodingKeys: String, CodingKey {
                case ipAddress = "ip_address"
                case type
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, memory, vcpus, disk, locked, status, features, image, networks, region, tags
        case createdAt = "created_at"
        case sizeSlug = "size_slug"
        case backupIDs = "backup_ids"
    }
}
