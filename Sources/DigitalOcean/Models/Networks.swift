/// A droplet's addresses: `{"v4": [...], "v6": [...]}`.
public struct Networks: Codable, Sendable, Equatable {
    public var v4: [NetworkV4]
    public var v6: [NetworkV6]

    public init(v4: [NetworkV4], v6: [NetworkV6]) {
        self.v4 = v4
        self.v6 = v6
    }
}

/// An IPv4 interface. DO sends the netmask as a dotted string (contrast `NetworkV6`).
public struct NetworkV4: Codable, Sendable, Equatable {
    public var ipAddress: String
    public var netmask: String
    /// DO's own examples literally say `"nil"` for private interfaces.
    public var gateway: String
    /// `public` or `private`.
    public var type: String

    public init(ipAddress: String, netmask: String, gateway: String, type: String) {
        self.ipAddress = ipAddress
        self.netmask = netmask
        self.gateway = gateway
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case netmask, gateway, type
        case ipAddress = "ip_address"
    }
}

/// An IPv6 interface. DO sends the netmask as a prefix length integer (e.g. `64`).
public struct NetworkV6: Codable, Sendable, Equatable {
    public var ipAddress: String
    public var netmask: Int
    public var gateway: String
    public var type: String

    public init(ipAddress: String, netmask: Int, gateway: String, type: String) {
        self.ipAddress = ipAddress
        self.netmask = netmask
        self.gateway = gateway
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case netmask, gateway, type
        case ipAddress = "ip_address"
    }
}
