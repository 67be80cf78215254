/// A cloud firewall (`GET /v2/firewalls`): rules for inbound and outbound traffic, applied to the
/// droplets it lists and to every droplet carrying one of its tags. DO marks `droplet_ids` and
/// both rule lists nullable; the fake always writes them as lists, as DO's example does.
public struct Firewall: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// `waiting`, `succeeded` or `failed`.
    public var status: String
    public var inboundRules: [FirewallInboundRule]?
    public var outboundRules: [FirewallOutboundRule]?
    public var createdAt: String
    public var dropletIDs: [Int]?
    public var tags: [String]
    public var pendingChanges: [PendingChange]

    public init(id: String, name: String, status: String, inboundRules: [FirewallInboundRule]?, outboundRules: [FirewallOutboundRule]?,
                createdAt: String, dropletIDs: [Int]?, tags: [String], pendingChanges: [PendingChange] = []) {
        self.id = id
        self.name = name
        self.status = status
        self.inboundRules = inboundRules
        self.outboundRules = outboundRules
        self.createdAt = createdAt
        self.dropletIDs = dropletIDs
        self.tags = tags
        self.pendingChanges = pendingChanges
    }

    enum CodingKeys: String, CodingKey {
        case id, name, status, tags
        case inboundRules = "inbound_rules"
        case outboundRules = "outbound_rules"
        case createdAt = "created_at"
        case dropletIDs = "droplet_ids"
        case pendingChanges = "pending_changes"
    }

    /// A droplet the firewall is still being applied to or removed from.
    public struct PendingChange: Codable, Sendable, Equatable {
        public var dropletID: Int
        public var removing: Bool
        public var status: String

        public init(dropletID: Int, removing: Bool, status: String) {
            self.dropletID = dropletID
            self.removing = removing
            self.status = status
        }

        enum CodingKeys: String, CodingKey {
            case removing, status
            case dropletID = "droplet_id"
        }
    }
}

/// Traffic a firewall admits: `protocol` `tcp`, `udp` or `icmp`; `ports` `"80"`, `"8000-9000"`, or
/// `"0"` for all (always `"0"` for icmp).
public struct FirewallInboundRule: Codable, Sendable, Equatable {
    public var `protocol`: String
    public var ports: String
    public var sources: FirewallTarget

    public init(protocol: String, ports: String, sources: FirewallTarget) {
        self.protocol = `protocol`
        self.ports = ports
        self.sources = sources
    }
}

/// Traffic a firewall lets out.
public struct FirewallOutboundRule: Codable, Sendable, Equatable {
    public var `protocol`: String
    public var ports: String
    public var destinations: FirewallTarget

    public init(protocol: String, ports: String, destinations: FirewallTarget) {
        self.protocol = `protocol`
        self.ports = ports
        self.destinations = destinations
    }
}

/// Where a rule's traffic comes from or goes to; DO writes only the members that are set.
public struct FirewallTarget: Codable, Sendable, Equatable {
    /// IPv4 or IPv6 addresses or CIDR blocks.
    public var addresses: [String]?
    public var dropletIDs: [Int]?
    public var loadBalancerUIDs: [String]?
    public var kubernetesIDs: [String]?
    public var tags: [String]?

    public init(addresses: [String]? = nil, dropletIDs: [Int]? = nil, loadBalancerUIDs: [String]? = nil,
                kubernetesIDs: [String]? = nil, tags: [String]? = nil) {
        self.addresses = addresses
        self.dropletIDs = dropletIDs
        self.loadBalancerUIDs = loadBalancerUIDs
        self.kubernetesIDs = kubernetesIDs
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case addresses, tags
        case dropletIDs = "droplet_ids"
        case loadBalancerUIDs = "load_balancer_uids"
        case kubernetesIDs = "kubernetes_ids"
    }
}
