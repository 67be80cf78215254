import Foundation
import Testing
import TestSupport
@testable import DigitalOcean

/// DO's verbatim firewall and load balancer examples decode with their real values, and a
/// firewall encodes back to DO's shape (unset rule targets left out).
@Suite struct NetworkingModelsDecodingTests {
    @Test func firewallsDecode() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<Firewall>.self, key: "firewalls", from: Fixture.data("firewalls_list.json"))
        #expect(envelope.meta?.total == 1)
        let firewall = try #require(envelope.items.first)
        #expect(firewall.id == "fb6045f1-cf1d-4ca3-bfac-18832663025b" && firewall.name == "firewall" && firewall.status == "succeeded")
        #expect(firewall.dropletIDs == [8043964] && firewall.tags.isEmpty && firewall.pendingChanges.isEmpty)
        #expect(firewall.createdAt == "2017-05-23T21:23:59Z")
        #expect(firewall.inboundRules == [
            FirewallInboundRule(protocol: "tcp", ports: "80", sources: FirewallTarget(loadBalancerUIDs: ["4de7ac8b-495b-4884-9a69-1050c6793cd6"])),
            FirewallInboundRule(protocol: "tcp", ports: "22", sources: FirewallTarget(addresses: ["18.0.0.0/8"], tags: ["gateway"])),
        ])
        #expect(firewall.outboundRules == [
            FirewallOutboundRule(protocol: "tcp", ports: "80", destinations: FirewallTarget(addresses: ["0.0.0.0/0", "::/0"])),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let target = String(decoding: try encoder.encode(firewall.inboundRules![1].sources), as: UTF8.self)
        #expect(target == #"{"addresses":["18.0.0.0\/8"],"tags":["gateway"]}"#)
    }

    @Test func loadBalancersDecode() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<LoadBalancer>.self, key: "load_balancers",
                                                  from: Fixture.data("load_balancers_list.json"))
        #expect(envelope.items.map(\.name) == ["example-lb-01", "prod-web-lb-01"])
        let first = envelope.items[0]
        #expect(first.id == "4de7ac8b-495b-4884-9a69-1050c6793cd6" && first.ip == "104.131.186.241" && first.status == "new")
        #expect(first.size == "lb-small" && first.sizeUnit == nil && first.algorithm == "round_robin")
        #expect(first.region.slug == "nyc3" && first.dropletIDs == [3164444, 3164445] && first.tag == "")
        #expect(first.forwardingRules == [
            .init(entryProtocol: "http", entryPort: 80, targetProtocol: "http", targetPort: 80, certificateID: "", tlsPassthrough: false),
            .init(entryProtocol: "https", entryPort: 443, targetProtocol: "https", targetPort: 443, certificateID: "", tlsPassthrough: true),
        ])
        #expect(first.healthCheck == .init(protocol: "http", port: 80, path: "/", checkIntervalSeconds: 10, responseTimeoutSeconds: 5,
                                           healthyThreshold: 5, unhealthyThreshold: 3))
        #expect(first.stickySessions == .init(type: "none") && first.projectID == nil)
        #expect(first.firewall == .init(deny: ["cidr:1.2.0.0/16", "ip:2.3.4.5"], allow: ["ip:1.2.3.4", "cidr:2.3.4.0/24"]))
        let second = envelope.items[1]
        #expect(second.projectID == "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30" && second.httpIdleTimeoutSeconds == 60)
        #expect(second.stickySessions == .init(type: "cookies", cookieName: "DO-LB", cookieTTLSeconds: 300))
        #expect(second.redirectHttpToHttps == true && second.tag == "prod:web")
    }
}
