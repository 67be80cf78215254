import DigitalOcean
import MoneyAndTime

/// A droplet or volume snapshot in the fake world. Its size is fixed when it is taken.
struct FakeSnapshot: Sendable {
    enum Source: Sendable, Equatable {
        case droplet(id: Int)
        case volume(id: String)
    }

    /// A numeric string for a droplet snapshot (an image id), a UUID for a volume snapshot.
    let id: String
    let name: String
    let source: Source
    let region: FakeRegion
    /// Hundredths of a GB.
    let sizeCentiGB: Int
    /// The droplet's disk or the volume's size when it was taken, GB.
    let minDiskSize: Int
    let createdAt: Timestamp

    /// DO's project URNs: a droplet snapshot is an image, a volume snapshot its own type.
    var urn: String { resourceType == "droplet" ? "do:image:\(id)" : "do:volumesnapshot:\(id)" }
    var selfURL: String {
        resourceType == "droplet" ? "https://api.digitalocean.com/v2/images/\(id)" : "https://api.digitalocean.com/v2/snapshots/\(id)"
    }

    var resourceType: String {
        if case .droplet = source { return "droplet" }
        return "volume"
    }

    var model: Snapshot {
        let resourceID = switch source {
        case .droplet(let id): String(id)
        case .volume(let id): id
        }
        return Snapshot(id: id, name: name, createdAt: createdAt.iso8601, regions: [region.slug], resourceID: resourceID,
                        resourceType: resourceType, minDiskSize: minDiskSize,
                        sizeGigabytes: ImageSizes.gigabytes(centi: sizeCentiGB), tags: [])
    }
}
