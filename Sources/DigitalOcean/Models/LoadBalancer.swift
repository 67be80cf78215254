/// A regional load balancer (`GET /v2/load_balancers`). `size_unit` is the number of nodes (what
/// DO bills); the deprecated `size` slug (`lb-small` = 1 node, `lb-medium` = 3, `lb-large` = 6)
/// and `algorithm` are still served and kept.
public struct LoadBalancer: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var projectID: String?
    public var ip: String
    public var sizeUnit: Int?
    public var size: String?
    /// `round_robin` or `least_connections` (deprecated by DO, still served).
    public var algorithm: String?
    /// `new`, `active` or `errored`.
    public var status: String
    public var createdAt: String
    public var forwardingRules: [ForwardingRule]
    public var healthCheck: HealthCheck?
    public var stickySessions: StickySessions?
    public var region: Region
    /// Droplets carrying this tag are the targets; exclusive with `droplet_ids` on create.
    public var tag: String?
    public var dropletIDs: [Int]
    public var redirectHttpToHttps: Bool?
    public var enableProxyProtocol: Bool?
    public var enableBackendKeepalive: Bool?
    public var httpIdleTimeoutSeconds: Int?
    public var vpcUUID: String?
    public var disableLetsEncryptDNSRecords: Bool?
    public var firewall: Firewall?

    public init(id: String, name: String, projectID: String?, ip: String, sizeUnit: Int?, size: String?, algorithm: String?,
                status: String, createdAt: String, forwardingRules: [ForwardingRule], healthCheck: HealthCheck?,
                stickySessions: StickySessions?, region: Region, tag: String?, dropletIDs: [Int], redirectHttpToHttps: Bool?,
                enableProxyProtocol: Bool?, enableBackendKeepalive: Bool?, httpIdleTimeoutSeconds: Int?, vpcUUID: String?,
                disableLetsEncryptDNSRecords: Bool?, firewall: Firewall?) {
        self.id = id
        self.name = name
        self.projectID = projectID
        self.ip = ip
        self.sizeUnit = sizeUnit
        self.size = size
        self.algorithm = algorithm
        self.status = status
        self.createdAt = createdAt
        self.forwardingRules = forwardingRules
        self.healthCheck = healthCheck
        self.stickySessions = stickySessions
        self.region = region
        self.tag = tag
        self.dropletIDs = dropletIDs
        self.redirectHttpToHttps = redirectHttpToHttps
        self.enableProxyProtocol = enableProxyProtocol
        self.enableBackendKeepalive = enableBackendKeepalive
        self.httpIdleTimeoutSeconds = httpIdleTimeoutSeconds
        self.vpcUUID = vpcUUID
        self.disableLetsEncryptDNSRecords = disableLetsEncryptDNSRecords
        self.firewall = firewall
    }

    enum CodingKeys: String, CodingKey {
        case id, name, ip, size, algorithm, status, region, tag, firewall
        case projectID = "project_id"
        case sizeUnit = "size_unit"
        case createdAt = "created_at"
        case forwardingRules = "forwarding_rules"
        case healthCheck = "health_check"
        case stickySessions = "sticky_sessions"
        case dropletIDs = "droplet_ids"
        case redirectHttpToHttps = "redirect_http_to_https"
        case enableProxyProtocol = "enable_proxy_protocol"
        case enableBackendKeepalive = "enable_backend_keepalive"
        case httpIdleTimeoutSeconds = "http_idle_timeout_seconds"
        case vpcUUID = "vpc_uuid"
        case disableLetsEncryptDNSRecords = "disable_lets_encrypt_dns_records"
    }

    /// How traffic entering on one port is passed to the droplets.
    public struct ForwardingRule: Codable, Sendable, Equatable {
        public var entryProtocol: String
        public var entryPort: Int
        public var targetProtocol: String
        public var targetPort: Int
        public var certificateID: String?
        public var tlsPassthrough: Bool?

        public init(entryProtocol: String, entryPort: Int, targetProtocol: String, targetPort: Int, certificateID: String? = "",
                    tlsPassthrough: Bool? = false) {
            self.entryProtocol = entryProtocol
            self.entryPort = entryPort
            self.targetProtocol = targetProtocol
            self.targetPort = targetPort
            self.certificateID = certificateID
            self.tlsPassthrough = tlsPassthrough
        }

        enum CodingKeys: String, CodingKey {
            case entryProtocol = "entry_protocol"
            case entryPort = "entry_port"
            case targetProtocol = "target_protocol"
            case targetPort = "target_port"
            case certificateID = "certificate_id"
            case tlsPassthrough = "tls_passthrough"
        }
    }

    public struct HealthCheck: Codable, Sendable, Equatable {
        public var `protocol`: String
        public var port: Int
        public var path: String?
        public var checkIntervalSeconds: Int
        public var responseTimeoutSeconds: Int
        public var healthyThreshold: Int
        public var unhealthyThreshold: Int

        public init(protocol: String, port: Int, path: String?, checkIntervalSeconds: Int, responseTimeoutSeconds: Int,
                    healthyThreshold: Int, unhealthyThreshold: Int) {
            self.protocol = `protocol`
            self.port = port
            self.path = path
            self.checkIntervalSeconds = checkIntervalSeconds
            self.responseTimeoutSeconds = responseTimeoutSeconds
            self.healthyThreshold = healthyThreshold
            self.unhealthyThreshold = unhealthyThreshold
        }

        enum CodingKeys: String, CodingKey {
            case `protocol`, port, path
            case checkIntervalSeconds = "check_interval_seconds"
            case responseTimeoutSeconds = "response_timeout_seconds"
            case healthyThreshold = "healthy_threshold"
            case unhealthyThreshold = "unhealthy_threshold"
        }
    }

    /// `type` `none` or `cookies` (then with a cookie name and ttl).
    public struct StickySessions: Codable, Sendable, Equatable {
        public var type: String
        public var cookieName: String?
        public var cookieTTLSeconds: Int?

        public init(type: String, cookieName: String? = nil, cookieTTLSeconds: Int? = nil) {
            self.type = type
            self.cookieName = cookieName
            self.cookieTTLSeconds = cookieTTLSeconds
        }

        enum CodingKeys: String, CodingKey {
            case type
            case cookieName = "cookie_name"
            case cookieTTLSeconds = "cookie_ttl_seconds"
        }
    }

    /// The load balancer's own allow/deny lists (`ip:1.2.3.4`, `cidr:2.3.4.0/24`).
    public struct Firewall: Codable, Sendable, Equatable {
        public var deny: [String]
        public var allow: [String]

        public init(deny: [String], allow: [String]) {
            self.deny = deny
            self.allow = allow
        }
    }
}
