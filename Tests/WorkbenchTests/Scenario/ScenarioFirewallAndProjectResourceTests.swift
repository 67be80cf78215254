import ArcadiaCore
import DigitalOcean
import Testing
@testable import Workbench

/// Firewalls, load balancers, project-only resources, moves and listing-shift faults in the
/// scenario language: what they parse into, and every error naming line, column and field.
@Suite struct ScenarioFirewallAndProjectResourceTests {
    static let header = """
        scenario: t
        seed: 1
        clock: {start: 2026-04-01, end: 2026-05-01}
        world:
          projects: [{name: p, default: true}, {name: q}]
          droplets: [{name: a, size: s, region: syd1}, {name: b, size: s, region: syd1}]
          reserved_ips: [{name: ip1, region: syd1}]

        """

    static let everything = header + """
          firewalls:
            - name: fw
              droplets: [a]
              tags: [web]
              inbound:
                - {protocol: tcp, ports: "22", addresses: [10.0.0.0/8], tags: [bastion]}
                - {protocol: icmp, addresses: [0.0.0.0/0]}
              outbound:
                - {protocol: udp, ports: 53, addresses: [0.0.0.0/0]}
          load_balancers:
            - {name: lb, region: syd1, project: q, size_unit: 2, algorithm: least_connections, droplets: [a, b]}
          spaces_buckets: [{name: assets, region: syd1, size: 300, project: q}]
          databases: [{name: orders, region: syd1}]
          k8s_clusters: [{name: ci, project: q}]
          apps: [{name: shop}]
        timeline:
          - at: 2026-04-02
            update_firewall: {name: fw, droplets: [a, b], outbound: []}
          - at: 2026-04-02
            update_load_balancer:
              name: lb
              size_unit: 3
              forwarding_rules: [{entry_protocol: https, entry_port: 443, target_protocol: http, target_port: 8080}]
          - at: 2026-04-03
            create_load_balancer: {name: lb2, region: syd1}
          - at: 2026-04-03
            set_spaces_bucket_size: {name: assets, size: 500}
          - at: 2026-04-04
            move_to_project: {reserved_ip: ip1, project: q}
          - at: 2026-04-04
            move_to_project: {spaces_bucket: assets, project: p}
          - at: 2026-04-05
            fault: {path: /v2/droplets, page: 1, then: {destroy_droplet: {name: b}}}
          - at: 2026-04-05
            fault: {path: /v2/droplets, page: 2, then: {create_droplet: {name: c, size: s, region: syd1}}}
          - at: 2026-04-06
            delete_firewall: {name: fw}
          - at: 2026-04-06
            delete_load_balancer: {name: lb2}
          - at: 2026-04-06
            delete_spaces_bucket: {name: assets}
          - at: 2026-04-06
            delete_database: {name: orders}
          - at: 2026-04-06
            delete_k8s_cluster: {name: ci}
          - at: 2026-04-06
            create_app: {name: shop-2, region: syd1, project: q}
          - at: 2026-04-07
            delete_app: {name: shop}

        """

    @Test func everyKeyParsesIntoTheModel() throws {
        let scenario = try ScenarioParser.parse(yaml: Self.everything, file: "case.yaml")
        let world = scenario.world
        #expect(world.firewalls.map { FirewallSpec(name: $0.name, droplets: $0.droplets, tags: $0.tags, inbound: $0.inbound, outbound: $0.outbound) } == [
            FirewallSpec(name: "fw", droplets: ["a"], tags: ["web"],
                         inbound: [FirewallRuleSpec(protocolName: "tcp", ports: "22", addresses: ["10.0.0.0/8"], tags: ["bastion"]),
                                   FirewallRuleSpec(protocolName: "icmp", ports: "0", addresses: ["0.0.0.0/0"])],
                         outbound: [FirewallRuleSpec(protocolName: "udp", ports: "53", addresses: ["0.0.0.0/0"])]),
        ])
        #expect(world.loadBalancers.map(\.name) == ["lb"] && world.loadBalancers[0].sizeUnit == 2)
        #expect(world.loadBalancers[0].algorithm == "least_connections" && world.loadBalancers[0].forwardingRules == [.httpDefault])
        #expect(world.loadBalancers[0].droplets == ["a", "b"] && world.loadBalancers[0].project == "q")
        #expect(world.spacesBuckets.map { [$0.name, $0.region, String($0.sizeGB), $0.project ?? "-"] } == [["assets", "syd1", "300", "q"]])
        #expect(world.databases.map(\.name) == ["orders"] && world.databases[0].region == "syd1" && world.databases[0].project == nil)
        #expect(world.k8sClusters.map(\.name) == ["ci"] && world.apps.map(\.name) == ["shop"])
        let actions = scenario.timeline.map(\.action)
        #expect(actions[0] == .updateFirewall(FirewallUpdateSpec(name: "fw", droplets: ["a", "b"], outbound: [])))
        #expect(actions[1] == .updateLoadBalancer(LoadBalancerUpdateSpec(
            name: "lb", sizeUnit: 3, forwardingRules: [ForwardingRuleSpec(entryProtocol: "https", entryPort: 443, targetProtocol: "http", targetPort: 8080)])))
        #expect(actions[3] == .setSpacesBucketSize(name: "assets", sizeGB: 500))
        #expect(actions[4] == .moveToProject(resource: .reservedIP("ip1"), project: "q"))
        #expect(actions[5] == .moveToProject(resource: .spacesBucket("assets"), project: "p"))
        #expect(actions[6] == .fault(FaultSpec(path: "/v2/droplets", page: 1, then: .destroyDroplet(name: "b"))))
        #expect(actions[7] == .fault(FaultSpec(path: "/v2/droplets", page: 2, then: .createDroplet(name: "c", size: "s", region: "syd1"))))
        guard case .createApp(let app) = actions[13] else { Issue.record("timeline[13] is \(actions[13])"); return }
        #expect(app.name == "shop-2" && app.region == "syd1" && app.project == "q")
        #expect(actions.last == .deleteApp(name: "shop"))
    }

    static let timeline = header + "timeline:\n"

    static let cases: [ErrorCase] = [
        ErrorCase("update_firewall that changes nothing", timeline + "  - at: 2026-04-02\n    update_firewall: {name: fw}\n", 10, 22,
                  "timeline[0].update_firewall", "changes nothing: give droplets, tags, inbound or outbound"),
        ErrorCase("firewall rule without a target",
                  timeline + "  - at: 2026-04-02\n    create_firewall: {name: fw, inbound: [{protocol: tcp, ports: \"22\"}]}\n", 10, 43,
                  "timeline[0].create_firewall.inbound[0]", "a rule needs addresses or tags to say where traffic comes from or goes to"),
        ErrorCase("firewall rule with an unknown protocol",
                  timeline + "  - at: 2026-04-02\n    create_firewall: {name: fw, inbound: [{protocol: sctp, tags: [a]}]}\n", 10, 54,
                  "timeline[0].create_firewall.inbound[0].protocol", "must be one of tcp, udp, icmp; found 'sctp'"),
        ErrorCase("load balancer with no nodes", timeline + "  - at: 2026-04-02\n    create_load_balancer: {name: lb, region: syd1, size_unit: 0}\n",
                  10, 63, "timeline[0].create_load_balancer.size_unit", "must be between 1 and 100, found 0"),
        ErrorCase("forwarding rule with a bad port",
                  timeline + "  - at: 2026-04-02\n    create_load_balancer: {name: lb, region: syd1, forwarding_rules: [{entry_protocol: http, entry_port: 70000, target_protocol: http, target_port: 80}]}\n",
                  10, 106, "timeline[0].create_load_balancer.forwarding_rules[0].entry_port", "must be between 1 and 65535, found 70000"),
        ErrorCase("a listing shift without a page", timeline + "  - at: 2026-04-02\n    fault: {path: /v2/droplets, then: {destroy_droplet: {name: a}}}\n",
                  10, 39, "timeline[0].fault.then", "needs 'page': the change lands after that page, before the next"),
        ErrorCase("a listing shift with a status",
                  timeline + "  - at: 2026-04-02\n    fault: {path: /v2/droplets, page: 1, status: 503, then: {destroy_droplet: {name: a}}}\n",
                  10, 50, "timeline[0].fault.status",
                  "a fault with 'then' serves the page and changes the world once; leave out status, body and times"),
        ErrorCase("a listing shift with two changes",
                  timeline + "  - at: 2026-04-02\n    fault: {path: /v2/droplets, page: 1, then: {destroy_droplet: {name: a}, create_droplet: {name: c, size: s, region: r}}}\n",
                  10, 48, "timeline[0].fault.then", "needs exactly one of destroy_droplet or create_droplet: what changes between the two pages"),
        ErrorCase("move_to_project naming two resources", timeline + "  - at: 2026-04-02\n    move_to_project: {volume: v, app: x, project: p}\n",
                  10, 22, "timeline[0].move_to_project", "names volume and app; move one resource per item"),
        ErrorCase("a load balancer in front of an unknown droplet",
                  timeline + "  - at: 2026-04-02\n    create_load_balancer: {name: lb, region: syd1, droplets: [a, zz]}\n", 10, 62,
                  "timeline[0].create_load_balancer.droplets", "no droplet named 'zz' exists at 2026-04-02T00:00:00Z"),
        ErrorCase("deleting a firewall that does not exist", timeline + "  - at: 2026-04-02\n    delete_firewall: {name: fw}\n", 10, 29,
                  "timeline[0].delete_firewall.name", "no firewall named 'fw' exists at 2026-04-02T00:00:00Z"),
        ErrorCase("two buckets of one name",
                  header + "  spaces_buckets: [{name: x1y, region: syd1}]\ntimeline:\n  - at: 2026-04-02\n    create_spaces_bucket: {name: x1y, region: syd1}\n",
                  11, 34, "timeline[0].create_spaces_bucket.name", "a Spaces bucket named 'x1y' already exists"),
        ErrorCase("a bucket in an unknown project", header + "  spaces_buckets: [{name: x1y, region: syd1, project: zz}]\n", 8, 55,
                  "world.spaces_buckets[0].project", "no project named 'zz' exists in the world; existing projects: p, q"),
        ErrorCase("moving an unknown volume", timeline + "  - at: 2026-04-02\n    move_to_project: {volume: v, project: p}\n", 10, 31,
                  "timeline[0].move_to_project.volume", "no volume named 'v' exists at 2026-04-02T00:00:00Z"),
        ErrorCase("a droplet a listing shift destroyed",
                  timeline + "  - at: 2026-04-02\n    fault: {path: /v2/droplets, page: 1, then: {destroy_droplet: {name: a}}}\n"
                      + "  - at: 2026-04-03\n    resize_droplet: {name: a, size: s2}\n", 12, 28, "timeline[1].resize_droplet.name",
                  "no droplet named 'a' exists at 2026-04-03T00:00:00Z (it was destroyed by the listing-shift fault at 2026-04-02T00:00:00Z)"),
        ErrorCase("a world firewall on an unknown droplet", header + "  firewalls: [{name: fw, droplets: [zz]}]\n", 8, 36,
                  "world.firewalls[0].droplets", "no world droplet is named 'zz'"),
    ]

    @Test(arguments: cases) func errorsNameWhereAndWhy(_ errorCase: ErrorCase) {
        errorCase.check()
    }
}
