/// A droplet exactly as DO sends it (`GET /v2/droplets`, `GET /v2/droplets/{id}`).
///
/// Times stay `String` here; callers convert them to `Timestamp` where they need instants, so a
/// model can always be decoded and re-encoded without loss. `kernel` and `next_backup_window` are
/// required-but-nullable in DO's schema and are therefore written as explicit `null`, because the
/// fake provider serves these models and must match DO's shape byte for byte in meaning.
public struct Droplet: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    /// Megabytes.
    public var memory: Int
    public var vcpus: Int
    /// Gigabytes.
    public var disk: Int
    public var diskInfo: [DiskInfo]?
    public var locked: Bool
    /// `new`, `active`, `off` or `archive`. Kept as a string so a new DO status cannot break a listing.
    public var status: String
    public var kernel: Kernel?
    public var createdAt: String
    public var features: [String]
    public var backupIDs: [Int]
    public var nextBackupWindow: BackupWindow?
    public var snapshotIDs: [Int]
    public var image: Image
    public var volumeIDs: [String]
    public var size: Size
    public var sizeSlug: String
    public var networks: Networks
    public var region: Region
    public var tags: [String]
    public var vpcUUID: String?
    /// GPU droplets only.
    public var gpuInfo: GPUInfo?

    public init(id: Int, name: String, memory: Int, vcpus: Int, disk: Int, diskInfo: [DiskInfo]?, locked: Bool,
                status: String, kernel: Kernel?, createdAt: String, features: [String], backupIDs: [Int],
                nextBackupWindow: BackupWindow?, snapshotIDs: [Int], image: Image, volumeIDs: [String], size: Size,
                sizeSlug: String, networks: Networks, region: Region, tags: [String], vpcUUID: String?,
                gpuInfo: GPUInfo? = nil) {
        self.id = id
        self.name = name
        self.memory = memory
        self.vcpus = vcpus
        self.disk = disk
        self.diskInfo = diskInfo
        self.locked = locked
        self.status = status
        self.kernel = kernel
        self.createdAt = createdAt
        self.features = features
        self.backupIDs = backupIDs
        self.nextBackupWindow = nextBackupWindow
        self.snapshotIDs = snapshotIDs
        self.image = image
        self.volumeIDs = volumeIDs
        self.size = size
        self.sizeSlug = sizeSlug
        self.networks = networks
        self.region = region
        self.tags = tags
        self.vpcUUID = vpcUUID
        self.gpuInfo = gpuInfo
    }

    enum CodingKeys: String, CodingKey {
        case id, name, memory, vcpus, disk, locked, status, kernel, features, image, size, networks, region, tags
        case diskInfo = "disk_info"
        case createdAt = "created_at"
        case backupIDs = "backup_ids"
        case nextBackupWindow = "next_backup_window"
        case snapshotIDs = "snapshot_ids"
        case volumeIDs = "volume_ids"
        case sizeSlug = "size_slug"
        case vpcUUID = "vpc_uuid"
        case gpuInfo = "gpu_info"
    }

    /// Strings a droplet writes in place of its image, size and region objects when an encoder's
    /// `userInfo` holds them under `nestedStandInsKey`. Every droplet of one image, size and region
    /// carries the same objects, about half its keys: the fake encodes each once and splices its
    /// bytes over the stand-in's, instead of encoding them again in every droplet.
    public struct NestedStandIns: Sendable {
        public var image: String
        public var size: String
        public var region: String

        public init(image: String, size: String, region: String) {
            self.image = image
            self.size = size
            self.region = region
        }
    }

    public static let nestedStandInsKey = CodingUserInfoKey(rawValue: "digitalocean.droplet.nestedStandIns")!

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let standIns = encoder.userInfo[Self.nestedStandInsKey] as? NestedStandIns
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(memory, forKey: .memory)
        try c.encode(vcpus, forKey: .vcpus)
        try c.encode(disk, forKey: .disk)
        try c.encodeIfPresent(diskInfo, forKey: .diskInfo)
        try c.encode(locked, forKey: .locked)
        try c.encode(status, forKey: .status)
        try c.encode(kernel, forKey: .kernel)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(features, forKey: .features)
        try c.encode(backupIDs, forKey: .backupIDs)
        try c.encode(nextBackupWindow, forKey: .nextBackupWindow)
        try c.encode(snapshotIDs, forKey: .snapshotIDs)
        if let standIns { try c.encode(standIns.image, forKey: .image) } else { try c.encode(image, forKey: .image) }
        try c.encode(volumeIDs, forKey: .volumeIDs)
        if let standIns { try c.encode(standIns.size, forKey: .size) } else { try c.encode(size, forKey: .size) }
        try c.encode(sizeSlug, forKey: .sizeSlug)
        try c.encode(networks, forKey: .networks)
        if let standIns { try c.encode(standIns.region, forKey: .region) } else { try c.encode(region, forKey: .region) }
        try c.encode(tags, forKey: .tags)
        try c.encodeIfPresent(vpcUUID, forKey: .vpcUUID)
        try c.encodeIfPresent(gpuInfo, forKey: .gpuInfo)
    }

    /// The `kernel` object of legacy droplets; `null` on every current droplet.
    public struct Kernel: Codable, Sendable, Equatable {
        public var id: Int
        public var name: String
        public var version: String

        public init(id: Int, name: String, version: String) {
            self.id = id
            self.name = name
            self.version = version
        }
    }

    /// When the next backup may run (`{start, end}` ISO-8601 strings).
    public struct BackupWindow: Codable, Sendable, Equatable {
        public var start: String
        public var end: String

        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    /// `{count, vram: {amount, unit}, model}` on GPU droplets.
    public struct GPUInfo: Codable, Sendable, Equatable {
        public var count: Int
        public var vram: DiskInfo.Amount?
        public var model: String?

        public init(count: Int, vram: DiskInfo.Amount?, model: String?) {
            self.count = count
            self.vram = vram
            self.model = model
        }
    }
}
