import DigitalOcean
import Testing
@testable import ArcadiaCore

/// Firewalls and load balancers normalized so that DO reordering a set is never a change.
@Suite struct NormalizeNetworkingTests {
    let region = Region(name: "Sydney 1", slug: "syd1", features: [], available: true, sizes: [])

    func firewall(ids: [Int], rules: [FirewallInboundRule]) -> Firewall {
        Firewall(id: "fw", name: "fw-web", status: "succeeded", inboundRules: rules, outboundRules: nil, createdAt: "2026-04-01T00:00:00Z",
                 dropletIDs: ids, tags: ["b", "a"])
    }

    @Test func firewallSetsAreSortedAndNullRuleListsAreEmpty() {
        let ssh = FirewallInboundRule(protocol: "tcp", ports: "22", sources: FirewallTarget(addresses: ["10.0.0.0/8", "1.2.3.4"], tags: ["z", "y"]))
        let web = FirewallInboundRule(protocol: "tcp", ports: "443", sources: FirewallTarget(addresses: ["0.0.0.0/0"], dropletIDs: []))
        let one = Normalize.firewall(firewall(ids: [20, 3], rules: [ssh, web]))
        let two = Normalize.firewall(firewall(ids: [3, 20], rules: [web, ssh]))
        #expect(one == two)
        #expect(one.attributes["droplet_ids"] == .strings(["3", "20"]), "ids are sorted as numbers, then kept as strings")
        #expect(one.attributes["tags"] == .strings(["a", "b"]))
        #expect(one.attributes["outbound_rules"] == .array([]))
        #expect(one.attributes["inbound_rules"]?.canonical == #"[{"ports":"22","protocol":"tcp","sources":{"addresses":["1.2.3.4","10.0.0.0/8"],"tags":["y","z"]}},"#
            + #"{"ports":"443","protocol":"tcp","sources":{"addresses":["0.0.0.0/0"]}}]"#)
        #expect(one.kind == .firewall && one.providerID == "fw" && one.status == "succeeded" && one.region == nil)
    }

    @Test func aLoadBalancerKeepsItsNodeCountRulesAndBackends() {
        let rules = [LoadBalancer.ForwardingRule(entryProtocol: "https", entryPort: 443, targetProtocol: "http", targetPort: 8080),
                     LoadBalancer.ForwardingRule(entryProtocol: "http", entryPort: 80, targetProtocol: "http", targetPort: 8080)]
        func balancer(sizeUnit: Int?, size: String?, rules: [LoadBalancer.ForwardingRule], ids: [Int]) -> LoadBalancer {
            LoadBalancer(id: "lb", name: "lb-web", projectID: nil, ip: "1.2.3.4", sizeUnit: sizeUnit, size: size, algorithm: "round_robin",
                         status: "active", createdAt: "2026-04-01T00:00:00Z", forwardingRules: rules, healthCheck: nil, stickySessions: nil,
                         region: region, tag: "", dropletIDs: ids, redirectHttpToHttps: nil, enableProxyProtocol: nil,
                         enableBackendKeepalive: nil, httpIdleTimeoutSeconds: nil, vpcUUID: nil, disableLetsEncryptDNSRecords: nil, firewall: nil)
        }
        let observed = Normalize.loadBalancer(balancer(sizeUnit: 2, size: nil, rules: rules, ids: [9, 4]))
        #expect(observed == Normalize.loadBalancer(balancer(sizeUnit: 2, size: nil, rules: rules.reversed(), ids: [4, 9])))
        #expect(observed.attributes["size_unit"] == 2 && observed.attributes["droplet_ids"] == .strings(["4", "9"]))
        #expect(observed.region == "syd1" && observed.sizeSlug == nil && observed.attributes["tag"] == nil)
        #expect(Normalize.loadBalancer(balancer(sizeUnit: nil, size: "lb-medium", rules: rules, ids: [])).attributes["size_unit"] == 3,
                "an older balancer without size_unit: its deprecated size slug")
    }
}
