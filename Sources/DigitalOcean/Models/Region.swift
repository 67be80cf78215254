/// A datacenter region as embedded in droplets (`{name, slug, features, available, sizes}`).
public struct Region: Codable, Sendable, Equatable {
    /// Human name, e.g. `New York 3`.
    public var name: String
    /// e.g. `nyc3`.
    public var slug: String
    public var features: [String]
    public var available: Bool
    /// Size slugs that can be created here.
    public var sizes: [String]

    public init(name: String, slug: String, features: [String], available: Bool, sizes: [String]) {
        self.name = name
        self.slug = slug
        self.features = features
        self.available = available
        self.sizes = sizes
    }
}
