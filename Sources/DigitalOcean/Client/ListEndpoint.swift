/// A list endpoint of DO's API: its path and the envelope key of its items, named once for the
/// client's own methods and for callers that list with their own item type and transform (the
/// inventory workers).
public struct ListEndpoint: Sendable {
    public var path: String
    public var key: String

    public static let droplets = ListEndpoint(path: "/v2/droplets", key: "droplets")
    public static let volumes = ListEndpoint(path: "/v2/volumes", key: "volumes")
    public static let reservedIPs = ListEndpoint(path: "/v2/reserved_ips", key: "reserved_ips")
    public static let snapshots = ListEndpoint(path: "/v2/snapshots", key: "snapshots")
    public static let firewalls = ListEndpoint(path: "/v2/firewalls", key: "firewalls")
    public static let loadBalancers = ListEndpoint(path: "/v2/load_balancers", key: "load_balancers")
    public static let domains = ListEndpoint(path: "/v2/domains", key: "domains")
    public static let projects = ListEndpoint(path: "/v2/projects", key: "projects")

    public static func dropletBackups(dropletID: Int) -> ListEndpoint {
        ListEndpoint(path: "/v2/droplets/\(dropletID)/backups", key: "backups")
    }

    /// `projectID` may be `default`, which DO accepts in place of the default project's id.
    public static func projectResources(projectID: String) -> ListEndpoint {
        ListEndpoint(path: "/v2/projects/\(projectID)/resources", key: "resources")
    }
}
