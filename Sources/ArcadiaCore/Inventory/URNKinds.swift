/// DO project-resource URNs (`do:<type>:<id>`) and the one table that maps their types to local
/// inventory kinds.
public enum URNKinds {
    /// URN types whose local name differs; any other type is kept verbatim (and reported as unknown
    /// unless it is one of `known`).
    public static let table: [String: ResourceKind] = [
        "droplet": .droplet,
        "domain": .dnsZone,
        "volume": .volume,
        "space": .spacesBucket,
        "floatingip": .floatingIP,
        "reservedip": .floatingIP,
        "loadbalancer": .loadBalancer,
        "dbaas": .managedDB,
        "kubernetes": .k8sCluster,
        "volumesnapshot": .snapshot,
        "image": .snapshot,
        "firewall": .firewall,
    ]

    /// Kinds a dedicated worker lists: for these the projects pass only attributes.
    public static let synced: Set<ResourceKind> = [
        .droplet, .dnsZone, .volume, .floatingIP, .firewall, .loadBalancer, .snapshot, .dropletBackup,
    ]

    /// Known kinds no worker lists, so the projects pass discovers them (as it does unknown types).
    public static let discoveredWithoutWorker: [ResourceKind] = [.spacesBucket, .managedDB, .k8sCluster]

    /// Splits `do:droplet:123` into its type and id (the id may itself contain colons).
    public static func parse(_ urn: String) -> (type: String, id: String)? {
        let parts = urn.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "do", !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        return (String(parts[1]), String(parts[2]))
    }

    /// The local kind for a URN type, and whether the table knew it.
    public static func kind(forURNType type: String) -> (kind: ResourceKind, known: Bool) {
        let lowered = type.lowercased()
        if let kind = table[lowered] { return (kind, true) }
        return (ResourceKind(rawValue: lowered), false)
    }
}
