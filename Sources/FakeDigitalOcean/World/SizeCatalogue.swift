import DigitalOcean

/// A droplet size the fake sells. Prices are integer cents, the form billing code needs; the
/// `Double` prices DO serves are derived from them.
public struct FakeSize: Sendable, Equatable {
    public init(slug: String, vcpus: Int, memoryMB: Int, diskGB: Int, transferTB: Double, priceMonthlyCents: Int, description: String) {
        self.slug = slug
        self.vcpus = vcpus
        self.memoryMB = memoryMB
        self.diskGB = diskGB
        self.transferTB = transferTB
        self.priceMonthlyCents = priceMonthlyCents
        self.description = description
    }

    public var slug: String
    public var vcpus: Int
    public var memoryMB: Int
    public var diskGB: Int
    public var transferTB: Double
    public var priceMonthlyCents: Int
    /// DO's size class: `Basic`, `General Purpose`, `CPU-Optimized`.
    public var description: String

    /// `price_monthly / 672` rounded to 5 decimals, as DO publishes it (672 h = DO's monthly cap).
    public var priceHourly: Double {
        (Double(priceMonthlyCents) / 67_200 * 100_000).rounded() / 100_000
    }

    public var priceMonthly: Double { Double(priceMonthlyCents) / 100 }
}

/// The sizes of the fake world: DO's post-2022 Basic list prices (reference §7) and a few larger
/// classes so scenarios can resize upward.
public enum SizeCatalogue {
    public static let all: [FakeSize] = [
        FakeSize(slug: "s-1vcpu-512mb-10gb", vcpus: 1, memoryMB: 512, diskGB: 10, transferTB: 0.5, priceMonthlyCents: 400, description: "Basic"),
        FakeSize(slug: "s-1vcpu-1gb", vcpus: 1, memoryMB: 1_024, diskGB: 25, transferTB: 1, priceMonthlyCents: 600, description: "Basic"),
        FakeSize(slug: "s-1vcpu-2gb", vcpus: 1, memoryMB: 2_048, diskGB: 50, transferTB: 2, priceMonthlyCents: 1_200, description: "Basic"),
        FakeSize(slug: "s-2vcpu-2gb", vcpus: 2, memoryMB: 2_048, diskGB: 60, transferTB: 3, priceMonthlyCents: 1_800, description: "Basic"),
        FakeSize(slug: "s-2vcpu-4gb", vcpus: 2, memoryMB: 4_096, diskGB: 80, transferTB: 4, priceMonthlyCents: 2_400, description: "Basic"),
        FakeSize(slug: "s-4vcpu-8gb", vcpus: 4, memoryMB: 8_192, diskGB: 160, transferTB: 5, priceMonthlyCents: 4_800, description: "Basic"),
        FakeSize(slug: "s-8vcpu-16gb", vcpus: 8, memoryMB: 16_384, diskGB: 320, transferTB: 6, priceMonthlyCents: 9_600, description: "Basic"),
        FakeSize(slug: "c-2", vcpus: 2, memoryMB: 4_096, diskGB: 25, transferTB: 4, priceMonthlyCents: 4_200, description: "CPU-Optimized"),
        FakeSize(slug: "g-2vcpu-8gb", vcpus: 2, memoryMB: 8_192, diskGB: 25, transferTB: 4, priceMonthlyCents: 6_300, description: "General Purpose"),
    ]

    public static func size(_ slug: String) -> FakeSize? {
        all.first { $0.slug == slug }
    }

    public static var slugs: [String] { all.map(\.slug) }

    /// The `size` object DO embeds in a droplet (no `disk_info`, as in DO's droplet examples).
    static func model(_ size: FakeSize) -> Size {
        Size(slug: size.slug, memory: size.memoryMB, vcpus: size.vcpus, disk: size.diskGB, transfer: size.transferTB,
             priceMonthly: size.priceMonthly, priceHourly: size.priceHourly, regions: RegionCatalogue.slugs,
             available: true, description: size.description)
    }

    /// The `/v2/sizes` form, which adds `disk_info`.
    static func listingModel(_ size: FakeSize) -> Size {
        var model = model(size)
        model.diskInfo = [DiskInfo(type: "local", size: .init(amount: size.diskGB, unit: "gib"))]
        return model
    }
}
