import DigitalOcean
import MoneyAndTime

/// A block storage volume in the fake world.
struct FakeVolume: Sendable {
    let id: String
    let name: String
    let sizeGB: Int
    let region: FakeRegion
    var tags: [String]
    let createdAt: Timestamp
    var dropletID: Int?

    var urn: String { "do:volume:\(id)" }
    var selfURL: String { "https://api.digitalocean.com/v2/volumes/\(id)" }

    var model: Volume {
        Volume(id: id, region: RegionCatalogue.model(region), dropletIDs: dropletID.map { [$0] } ?? [], name: name,
               description: "", sizeGigabytes: sizeGB, createdAt: createdAt.iso8601, filesystemType: "ext4",
               filesystemLabel: name, tags: tags)
    }
}
