import DigitalOcean
import MoneyAndTime

/// A regional load balancer in the fake world. Settings the scenario language does not reach
/// (health check, sticky sessions, its own firewall) are rendered with DO's defaults.
struct FakeLoadBalancer: Sendable {
    let id: String
    let name: String
    let ip: String
    let region: FakeRegion
    let vpcUUID: String
    let createdAt: Timestamp
    /// Nodes, 1…100: what DO bills.
    var sizeUnit: Int
    var algorithm: String
    var forwardingRules: [LoadBalancer.ForwardingRule]
    var dropletIDs: [Int]

    var urn: String { "do:loadbalancer:\(id)" }
    var selfURL: String { "https://api.digitalocean.com/v2/load_balancers/\(id)" }

    /// The deprecated size slug for the node counts it names; nil (left out) for any other count.
    static func sizeSlug(nodes: Int) -> String? {
        [1: "lb-small", 3: "lb-medium", 6: "lb-large"][nodes]
    }

    func model(projectID: String?) -> LoadBalancer {
        let first = forwardingRules.first
        let checkProtocol = first.map { ["http", "https"].contains($0.targetProtocol) ? $0.targetProtocol : "tcp" } ?? "http"
        let health = LoadBalancer.HealthCheck(
            protocol: checkProtocol, port: first?.targetPort ?? 80, path: checkProtocol == "tcp" ? nil : "/",
            checkIntervalSeconds: 10, responseTimeoutSeconds: 5, healthyThreshold: 5, unhealthyThreshold: 3)
        return LoadBalancer(
            id: id, name: name, projectID: projectID, ip: ip, sizeUnit: sizeUnit, size: Self.sizeSlug(nodes: sizeUnit),
            algorithm: algorithm, status: "active", createdAt: createdAt.iso8601, forwardingRules: forwardingRules,
            healthCheck: health, stickySessions: .init(type: "none"), region: RegionCatalogue.model(region), tag: "",
            dropletIDs: dropletIDs, redirectHttpToHttps: false, enableProxyProtocol: false, enableBackendKeepalive: false,
            httpIdleTimeoutSeconds: 60, vpcUUID: vpcUUID, disableLetsEncryptDNSRecords: false,
            firewall: .init(deny: [], allow: []))
    }
}
