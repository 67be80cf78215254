/// What an invoice line bills for, derived from its `product`. Inventory kinds share their
/// `ResourceKind` spelling so a line and a resource read alike; `tax` and `other` have no
/// inventory counterpart.
public struct CostKind: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: CostKind, rhs: CostKind) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let snapshot: CostKind = "snapshot"
    public static let dropletBackup: CostKind = "droplet_backup"
    public static let droplet: CostKind = "droplet"
    public static let volume: CostKind = "volume"
    public static let floatingIP: CostKind = "floating_ip"
    public static let loadBalancer: CostKind = "load_balancer"
    public static let spacesBucket: CostKind = "spaces_bucket"
    public static let k8sCluster: CostKind = "k8s_cluster"
    public static let managedDB: CostKind = "managed_db"
    public static let tax: CostKind = "tax"
    public static let other: CostKind = "other"

    /// The derivation table, in the order it is consulted: the first phrase the product contains
    /// (ASCII case-insensitively) decides. Specific phrases come before the generic products that
    /// could also appear in them, so "Droplet Snapshots" is a snapshot and "Droplet Backups" a
    /// backup, never a droplet, whatever DO appends to a product name.
    public static let table: [(phrase: String, kind: CostKind)] = [
        ("Droplet Snapshots", .snapshot),
        ("Volume Snapshots", .snapshot),
        ("Snapshots", .snapshot),
        ("Droplet Backups", .dropletBackup),
        ("Backups", .dropletBackup),
        ("Droplets", .droplet),
        ("Volumes", .volume),
        ("Floating IPs", .floatingIP),
        ("Reserved IPs", .floatingIP),
        ("Load Balancers", .loadBalancer),
        ("Spaces Subscription", .spacesBucket),
        ("Spaces", .spacesBucket),
        ("Kubernetes Clusters", .k8sCluster),
        ("Database Clusters", .managedDB),
        ("Managed Databases", .managedDB),
        ("Taxes", .tax),
    ]

    /// The kind of a line whose product is `product`; `other` when no phrase fits (the line is
    /// kept and reported unmatched, never dropped).
    public init(product: String) {
        let wanted = product.lowercasedASCII
        self = Self.table.first { wanted.contains($0.phrase.lowercasedASCII) }?.kind ?? .other
    }

    /// The inventory kind a line of this kind is matched against: a backup is billed to its
    /// droplet; tax, the account-wide Spaces subscription and unknown products match nothing.
    public var inventoryKind: ResourceKind? {
        switch self {
        case .dropletBackup: .droplet
        case .tax, .spacesBucket, .other: nil
        default: ResourceKind(rawValue: rawValue)
        }
    }
}
