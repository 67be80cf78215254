import DigitalOcean
import MoneyAndTime

/// An automatic backup of a droplet, as `GET /v2/droplets/{id}/backups` lists it.
struct FakeBackup: Sendable {
    let id: Int
    let name: String
    let region: FakeRegion
    let sizeCentiGB: Int
    let minDiskSize: Int
    let createdAt: Timestamp
    /// When the plan's retention (or the scenario's `kept_until`) deletes it; nil: kept until
    /// backups are turned off or the droplet is destroyed.
    let expiresAt: Timestamp?

    func hasExpired(at time: Timestamp) -> Bool {
        expiresAt.map { $0 <= time } ?? false
    }

    /// The shape of DO's example (`droplet_backups.json`): an image of type `backup` with
    /// `distribution`, a null `slug` and `public: false`.
    var model: Image {
        Image(id: id, name: name, distribution: BaseImage.model.distribution, slug: nil, isPublic: false, regions: [region.slug],
              createdAt: createdAt.iso8601, type: "backup", minDiskSize: minDiskSize,
              sizeGigabytes: ImageSizes.gigabytes(centi: sizeCentiGB))
    }
}
