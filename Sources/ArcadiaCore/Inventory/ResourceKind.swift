/// A local inventory kind (`droplet`, `dns_zone`, …): DO's names normalized once, so every table and
/// report speaks one vocabulary.
public struct ResourceKind: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let droplet: ResourceKind = "droplet"
    public static let dnsZone: ResourceKind = "dns_zone"
    public static let volume: ResourceKind = "volume"
    public static let snapshot: ResourceKind = "snapshot"
    public static let floatingIP: ResourceKind = "floating_ip"
    public static let firewall: ResourceKind = "firewall"
    public static let loadBalancer: ResourceKind = "load_balancer"
    public static let dropletBackup: ResourceKind = "droplet_backup"
    public static let spacesBucket: ResourceKind = "spaces_bucket"
    public static let managedDB: ResourceKind = "managed_db"
    public static let k8sCluster: ResourceKind = "k8s_cluster"
}
