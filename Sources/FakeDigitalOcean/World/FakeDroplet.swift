import DigitalOcean

/// A live droplet in the fake world. Only what can change or was drawn from the seed is stored;
/// everything else in DO's droplet object is derived when it is rendered.
struct FakeDroplet: Sendable {
    let id: Int
    var name: String
    var size: FakeSize
    let region: FakeRegion
    var tags: [String]
    var poweredOn: Bool
    var volumeIDs: [String] = []
    let createdAt: Timestamp
    let vpcUUID: String
    let networks: Networks
    /// World revision of the last change, so the API layer knows when its cached JSON is stale.
    var version: UInt64

    static let features = ["private_networking", "ipv6", "monitoring"]

    var urn: String { "do:droplet:\(id)" }
    var selfURL: String { "https://api.digitalocean.com/v2/droplets/\(id)" }

    var model: Droplet {
        Droplet(
            id: id, name: name, memory: size.memoryMB, vcpus: size.vcpus, disk: size.diskGB,
            diskInfo: [DiskInfo(type: "local", size: .init(amount: size.diskGB, unit: "gib"))],
            locked: false, status: poweredOn ? "active" : "off", kernel: nil, createdAt: createdAt.iso8601,
            features: Self.features, backupIDs: [], nextBackupWindow: nil, snapshotIDs: [], image: BaseImage.model,
            volumeIDs: volumeIDs, size: SizeCatalogue.model(size), sizeSlug: size.slug, networks: networks,
            region: RegionCatalogue.model(region), tags: tags, vpcUUID: vpcUUID)
    }
}
