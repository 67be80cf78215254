/// A droplet size (`GET /v2/sizes`, and embedded in every droplet).
///
/// Prices are `Double` because DO sends float noise such as `0.00743999984115362`; billing engines
/// never compute money from them (they use integer cents from their own price data).
public struct Size: Codable, Sendable, Equatable {
    public var slug: String
    /// Megabytes.
    public var memory: Int
    public var vcpus: Int
    /// Gigabytes.
    public var disk: Int
    /// Terabytes of outbound transfer included per month.
    public var transfer: Double
    public var priceMonthly: Double
    public var priceHourly: Double
    public var regions: [String]
    public var available: Bool
    /// `Basic`, `General Purpose`, `CPU-Optimized`, ...
    public var description: String
    /// Present in `/v2/sizes`, absent from the size embedded in a droplet.
    public var diskInfo: [DiskInfo]?

    public init(slug: String, memory: Int, vcpus: Int, disk: Int, transfer: Double, priceMonthly: Double,
                priceHourly: Double, regions: [String], available: Bool, description: String, diskInfo: [DiskInfo]? = nil) {
        self.slug = slug
        self.memory = memory
        self.vcpus = vcpus
        self.disk = disk
        self.transfer = transfer
        self.priceMonthly = priceMonthly
        self.priceHourly = priceHourly
        self.regions = regions
        self.available = available
        self.description = description
        self.diskInfo = diskInfo
    }

    enum CodingKeys: String, CodingKey {
        case slug, memory, vcpus, disk, transfer, regions, available, description
        case priceMonthly = "price_monthly"
        case priceHourly = "price_hourly"
        case diskInfo = "disk_info"
    }
}
