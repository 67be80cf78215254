import DigitalOcean
import FakeDigitalOcean
import Foundation
import Testing
import TestSupport

/// Firewalls and load balancers as DO serves them, and DO's rules for them.
@Suite struct FakeNetworkingTests {
    private let http = LoadBalancer.ForwardingRule(entryProtocol: "http", entryPort: 80, targetProtocol: "http", targetPort: 8080)

    private func verbatim(_ file: String, _ key: String, item: Int = 0) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Fixture.data(file)) as? [String: Any])
        return try #require((object[key] as? [[String: Any]])?[item])
    }

    private func keys(_ object: Any?) -> Set<String> {
        Set((object as? [String: Any])?.keys.map { $0 } ?? [])
    }

    private func first(_ response: APIResponse, _ key: String) throws -> [String: Any] {
        try #require((try response.json()[key] as? [[String: Any]])?.first)
    }

    @Test func firewallKeysMatchDOsExample() throws {
        let fake = try fakeWithDroplets(1)
        try fake.createFirewall(name: "fw-web", droplets: ["web-001"], tags: ["web"],
                                inbound: [FirewallInboundRule(protocol: "tcp", ports: "22", sources: FirewallTarget(addresses: ["18.0.0.0/8"]))],
                                outbound: [FirewallOutboundRule(protocol: "tcp", ports: "80", destinations: FirewallTarget(addresses: ["0.0.0.0/0"]))])
        let firewall = try first(fake.get("/v2/firewalls"), "firewalls")
        let example = try verbatim("firewalls_list.json", "firewalls")
        #expect(Set(firewall.keys) == Set(example.keys))
        #expect(firewall["status"] as? String == "succeeded")
        #expect(fake.get("/v2/firewalls").text.contains(#""sources":{"addresses":["18.0.0.0/8"]}"#), "unset targets are left out, as DO does")
    }

    /// DO's second example balancer has every key the fake writes but `size_unit`, which DO added
    /// after the example (reference §3); the deprecated `size` slug is still written beside it.
    @Test func loadBalancerKeysMatchDOsExample() throws {
        let fake = try fakeWithDroplets(2)
        try fake.createLoadBalancer(name: "lb", region: "nyc3", forwardingRules: [http], droplets: ["web-001", "web-002"], project: nil)
        let balancer = try first(fake.get("/v2/load_balancers"), "load_balancers")
        let example = try verbatim("load_balancers_list.json", "load_balancers", item: 1)
        #expect(Set(balancer.keys) == Set(example.keys).union(["size_unit"]))
        #expect(balancer["size"] as? String == "lb-small" && balancer["size_unit"] as? Int == 1)
        for nested in ["region", "health_check", "firewall"] {
            #expect(keys(balancer[nested]) == keys(example[nested]), "nested object \(nested)")
        }
        #expect(keys(balancer["sticky_sessions"]) == keys(try verbatim("load_balancers_list.json", "load_balancers")["sticky_sessions"]))
        let rule = try #require((balancer["forwarding_rules"] as? [[String: Any]])?.first)
        let exampleRule = try #require((example["forwarding_rules"] as? [[String: Any]])?.first)
        #expect(Set(rule.keys) == Set(exampleRule.keys))
    }

    @Test func destroyingADropletRemovesItFromFirewallsAndLoadBalancers() async throws {
        let fake = try fakeWithDroplets(2)
        try fake.createFirewall(name: "fw", droplets: ["web-001", "web-002"], tags: [],
                                inbound: [FirewallInboundRule(protocol: "icmp", ports: "0", sources: FirewallTarget(addresses: ["0.0.0.0/0"]))],
                                outbound: [])
        try fake.createLoadBalancer(name: "lb", region: "nyc3", forwardingRules: [http], droplets: ["web-001", "web-002"], project: nil)
        let kept = try fake.dropletID(name: "web-002")
        try fake.destroyDroplet(name: "web-001")
        #expect(try await fake.client.firewalls().items.map(\.dropletIDs) == [[kept]])
        #expect(try await fake.client.loadBalancers().items.map(\.dropletIDs) == [[kept]])
    }

    @Test func doRulesAreEnforced() throws {
        let fake = try fakeWithDroplets(1)
        #expect(throws: FakeWorldError.invalidState("droplet 'web-001' is in nyc3 but load balancer 'lb' is in syd1").about("droplets")) {
            try fake.createLoadBalancer(name: "lb", region: "syd1", forwardingRules: [http], droplets: ["web-001"], project: nil)
        }
        #expect(throws: FakeWorldError.invalidArgument("load balancer 'lb' size_unit must be 1-100 nodes, got 101")) {
            try fake.createLoadBalancer(name: "lb", region: "nyc3", sizeUnit: 101, forwardingRules: [http], droplets: [], project: nil)
        }
        #expect(throws: FakeWorldError.invalidArgument("an icmp rule has no ports (\"0\"), got '22'")) {
            try fake.createFirewall(name: "fw", droplets: [], tags: [],
                                    inbound: [FirewallInboundRule(protocol: "icmp", ports: "22", sources: FirewallTarget(tags: ["a"]))],
                                    outbound: [])
        }
        #expect(throws: FakeWorldError.invalidArgument("firewall rule ports must be 0 (all), a port or low-high, got '9000-8000'")) {
            try fake.createFirewall(name: "fw", droplets: [], tags: [],
                                    inbound: [FirewallInboundRule(protocol: "tcp", ports: "9000-8000", sources: FirewallTarget(tags: ["a"]))],
                                    outbound: [])
        }
        #expect(throws: FakeWorldError.invalidArgument("'-fw' is not a firewall name: letters, digits, '.' and '-', starting with a letter or digit")) {
            try fake.createFirewall(name: "-fw", droplets: [], tags: [], inbound: [], outbound: [])
        }
        #expect((try fake.get("/v2/load_balancers").json()["load_balancers"] as? [Any])?.isEmpty == true,
                "a refused create leaves the world as it was")
    }

    @Test func aLoadBalancerIsAProjectResourceAndCarriesItsProjectID() async throws {
        let fake = try fakeWithDroplets(1)
        let shop = try fake.createProject(name: "shop", description: "", environment: nil, isDefault: false)
        try fake.createLoadBalancer(name: "lb", region: "nyc3", forwardingRules: [http], droplets: [], project: "shop")
        let id = try fake.loadBalancerID(name: "lb")
        #expect(try await fake.client.projectResources(projectID: shop).items.map(\.urn) == ["do:loadbalancer:\(id)"])
        #expect(try await fake.client.loadBalancers().items.map(\.projectID) == [shop])
        let single = fake.get("/v2/load_balancers/\(id)")
        #expect(single.status == 200 && single.text.hasPrefix(#"{"load_balancer":{"#))
        try fake.move(.loadBalancer("lb"), toProject: "Default")
        #expect(try await fake.client.projectResources(projectID: shop).items.isEmpty)
    }
}
