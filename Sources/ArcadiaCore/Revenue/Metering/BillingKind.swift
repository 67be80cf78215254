/// What a tenant is billed for (`droplet_hours`, `dns_zones`, …): the unit of a usage record, of a
/// plan item's allowance and of an overage line. Metering maps inventory kinds to these
/// (`MeteredKinds.table`).
public struct BillingKind: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: BillingKind, rhs: BillingKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Hours a droplet was active.
    public static let dropletHours: BillingKind = "droplet_hours"
    /// GB-months of Spaces storage.
    public static let spacesGBMonth: BillingKind = "spaces_gb_month"
    /// GB-months of snapshots.
    public static let snapshotGBMonth: BillingKind = "snapshot_gb_month"
    /// GB-months of droplet backups.
    public static let backupGBMonth: BillingKind = "backup_gb_month"
    /// Zone-months of DNS zones.
    public static let dnsZones: BillingKind = "dns_zones"
}
