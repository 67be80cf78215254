import DigitalOcean

/// The one distribution image every fake droplet boots from. Fixed, so it never perturbs the
/// seeded stream or the bytes of a listing.
enum BaseImage {
    static let model = Image(
        id: 161_390_411, name: "24.04 (LTS) x64", distribution: "Ubuntu", slug: "ubuntu-24-04-x64", isPublic: true,
        regions: RegionCatalogue.slugs, createdAt: "2024-07-31T18:30:04Z", type: "base", minDiskSize: 7,
        sizeGigabytes: 0.71, description: "Ubuntu 24.04 (LTS) x64", tags: [], status: "available", errorMessage: "")
}
