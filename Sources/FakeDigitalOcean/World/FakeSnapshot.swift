import DigitalOcean

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

/// An automatic backup of a droplet, as `GET /v2/droplets/{id}/backups` lists it.
struct FakeBackup: Sendable {
    let id: Int
    let name: String
    let region: FakeRegion
    let sizeCentiGB: Int
    let minDiskSize: Int
    let createdAt: Timestamp
    /// When the plan's retention deletes it.
    let expiresAt: Timestamp

    /// The shape of DO's example (`droplet_backups.json`): an image of type `backup` with
    /// `distribution`, a null `slug` and `public: false`.
    var model: Image {
        Image(id: id, name: name, distribution: BaseImage.model.distribution, slug: nil, isPublic: false, regions: [region.slug],
              createdAt: createdAt.iso8601, type: "backup", minDiskSize: minDiskSize,
              sizeGigabytes: ImageSizes.gigabytes(centi: sizeCentiGB))
    }
}
