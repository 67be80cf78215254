import DigitalOcean
import MoneyAndTime

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
    /// Backups on, and on which schedule; nil when off.
    var backupPolicy: BackupPolicy?
    /// When the next backup is taken (nil when backups are off).
    var nextBackupAt: Timestamp?
    /// Kept backups, oldest first.
    var backups: [FakeBackup] = []
    /// Live snapshots of this droplet, oldest first.
    var snapshotIDs: [Int] = []
    /// Created over the API and not yet `active` (DO's `new`): only while the fake moves in time.
    var provisioning = false
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
            locked: false, status: provisioning ? "new" : poweredOn ? "active" : "off", kernel: nil, createdAt: createdAt.iso8601,
            features: backupPolicy == nil ? Self.features : ["backups"] + Self.features, backupIDs: backups.map(\.id),
            nextBackupWindow: nextBackupWindow, snapshotIDs: snapshotIDs, image: BaseImage.model,
            volumeIDs: volumeIDs, size: SizeCatalogue.model(size), sizeSlug: size.slug, networks: networks,
            region: RegionCatalogue.model(region), tags: tags, vpcUUID: vpcUUID)
    }

    /// The 4-hour window the next backup runs in; null while backups are off.
    var nextBackupWindow: Droplet.BackupWindow? {
        guard let backupPolicy, let nextBackupAt else { return nil }
        let start = nextBackupAt - backupPolicy.offset
        return Droplet.BackupWindow(start: start.iso8601, end: (start + BackupPolicy.windowSeconds).iso8601)
    }

    /// The earliest thing the backup schedule does to this droplet: take a backup or let one expire.
    /// Asked of every backed-up droplet at each step of the clock, so without an array in between.
    var nextBackupEvent: Timestamp? {
        switch (nextBackupAt, backups.lazy.compactMap(\.expiresAt).min()) {
        case (let next?, let expiry?): min(next, expiry)
        case (let next?, nil): next
        case (nil, let expiry?): expiry
        case (nil, nil): nil
        }
    }
}
