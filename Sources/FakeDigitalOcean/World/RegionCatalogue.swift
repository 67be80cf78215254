import DigitalOcean

/// A region of the fake world, with DO's human name.
public struct FakeRegion: Sendable, Equatable {
    public var slug: String
    public var name: String
}

public enum RegionCatalogue {
    /// DO's regions, the older `nyc2`, `sfo1`, `sfo2` and `ams2` included: real historical invoices
    /// name them, and DO's description lists sizes as available there (its sizes listing names them
    /// among each size's regions), so they are available here too.
    public static let all: [FakeRegion] = [
        FakeRegion(slug: "nyc1", name: "New York 1"),
        FakeRegion(slug: "nyc2", name: "New York 2"),
        FakeRegion(slug: "nyc3", name: "New York 3"),
        FakeRegion(slug: "sfo1", name: "San Francisco 1"),
        FakeRegion(slug: "sfo2", name: "San Francisco 2"),
        FakeRegion(slug: "sfo3", name: "San Francisco 3"),
        FakeRegion(slug: "ams2", name: "Amsterdam 2"),
        FakeRegion(slug: "ams3", name: "Amsterdam 3"),
        FakeRegion(slug: "sgp1", name: "Singapore 1"),
        FakeRegion(slug: "lon1", name: "London 1"),
        FakeRegion(slug: "fra1", name: "Frankfurt 1"),
        FakeRegion(slug: "tor1", name: "Toronto 1"),
        FakeRegion(slug: "blr1", name: "Bangalore 1"),
        FakeRegion(slug: "syd1", name: "Sydney 1"),
    ]

    public static func region(_ slug: String) -> FakeRegion? {
        all.first { $0.slug == slug }
    }

    public static var slugs: [String] { all.map(\.slug) }

    /// Feature list copied from DO's droplet examples.
    static let features = ["private_networking", "backups", "ipv6", "metadata", "install_agent", "storage", "image_transfer"]

    static func model(_ region: FakeRegion) -> Region {
        Region(name: region.name, slug: region.slug, features: features, available: true, sizes: SizeCatalogue.slugs)
    }
}
