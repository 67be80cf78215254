import DigitalOcean
import MoneyAndTime

/// `world:` and the resource specs that timeline actions share with it.
extension ScenarioWriter {
    static func world(_ world: WorldSpec) -> YAMLTree {
        func section(_ key: String, _ items: [YAMLTree]) -> YAMLTree.Entry? {
            .entry(key, items.isEmpty ? nil : .list(items))
        }
        let sections: [YAMLTree.Entry?] = [
            section("sizes", world.sizes.map(size)),
            section("projects", world.projects.map { project($0, inWorld: true) }),
            section("droplets", worldDroplets(world.droplets)),
            section("domains", world.domains.map(domain)),
            section("volumes", world.volumes.map { volume($0, inWorld: true) }),
            section("reserved_ips", world.reservedIPs.map(reservedIP)),
            section("firewalls", world.firewalls.map(firewall)),
            section("load_balancers", world.loadBalancers.map(loadBalancer)),
            section("spaces_buckets", world.spacesBuckets.map(spacesBucket)),
            section("databases", world.databases.map(projectOnly)),
            section("k8s_clusters", world.k8sClusters.map(projectOnly)),
            section("apps", world.apps.map(projectOnly)),
        ]
        return .blockMap(sections.compactMap { $0 })
    }

    private static func size(_ size: SizeSpec) -> YAMLTree {
        .mapping(
            .entry("slug", .text(size.slug)),
            .entry("price_monthly", .token(Money(cents: size.priceMonthlyCents).decimalString)),
            .entry("vcpus", size.vcpus.map(YAMLTree.int)),
            .entry("memory", size.memoryMB.map(YAMLTree.int)),
            .entry("disk", size.diskGB.map(YAMLTree.int)))
    }

    /// `default` is a world-only key: `create_project` cannot make a default project.
    static func project(_ project: ProjectSpec, inWorld: Bool) -> YAMLTree {
        .mapping(
            .entry("name", .text(project.name)),
            .entry("description", project.description.isEmpty ? nil : .text(project.description)),
            .entry("environment", project.environment.map(YAMLTree.text)),
            .entry("default", inWorld && project.isDefault ? .bool(true) : nil))
    }

    /// `created_at` and `count` are world-only keys: a timeline droplet is created at its event.
    static func droplet(_ droplet: DropletSpec, inWorld: Bool, count: Int? = nil) -> YAMLTree {
        .mapping(
            .entry("name", .text(droplet.name)),
            .entry("size", .text(droplet.size)),
            .entry("region", .text(droplet.region)),
            .entry("project", droplet.project.map(YAMLTree.text)),
            .entry("tags", optionalTexts(droplet.tags)),
            // The parser reads an enum value as written, so `off` needs no quotes despite YAML 1.1.
            .entry("status", droplet.status == .active ? nil : .token(droplet.status.rawValue)),
            .entry("provisioned", droplet.provisioned ? .bool(true) : nil),
            .entry("created_at", inWorld ? droplet.createdAt.map(time) : nil),
            .entry("count", count.map(YAMLTree.int)))
    }

    static func domain(_ domain: DomainSpec) -> YAMLTree {
        .mapping(
            .entry("name", .text(domain.name)),
            .entry("project", domain.project.map(YAMLTree.text)),
            .entry("ttl", domain.ttl == DomainSpec(name: "").ttl ? nil : .int(domain.ttl)))
    }

    /// `attached_to` is a world-only key: in the timeline, `attach_volume` says when.
    static func volume(_ volume: VolumeSpec, inWorld: Bool) -> YAMLTree {
        .mapping(
            .entry("name", .text(volume.name)),
            .entry("size", .int(volume.sizeGB)),
            .entry("region", .text(volume.region)),
            .entry("project", volume.project.map(YAMLTree.text)),
            .entry("tags", optionalTexts(volume.tags)),
            .entry("attached_to", inWorld ? volume.attachedTo.map(YAMLTree.text) : nil))
    }

    static func reservedIP(_ ip: ReservedIPSpec) -> YAMLTree {
        .mapping(
            .entry("name", .text(ip.name)),
            .entry("region", .text(ip.region)),
            .entry("project", ip.project.map(YAMLTree.text)),
            .entry("droplet", ip.droplet.map(YAMLTree.text)))
    }

    static func firewall(_ firewall: FirewallSpec) -> YAMLTree {
        .mapping(
            .entry("name", .text(firewall.name)),
            .entry("droplets", optionalTexts(firewall.droplets)),
            .entry("tags", optionalTexts(firewall.tags)),
            .entry("inbound", firewall.inbound.isEmpty ? nil : firewallRules(firewall.inbound)),
            .entry("outbound", firewall.outbound.isEmpty ? nil : firewallRules(firewall.outbound)))
    }

    static func firewallRules(_ rules: [FirewallRuleSpec]) -> YAMLTree {
        .list(rules.map { rule in
            .mapping(
                .entry("protocol", .text(rule.protocolName)),
                .entry("ports", rule.ports == FirewallRuleSpec(protocolName: "").ports ? nil : .text(rule.ports)),
                .entry("addresses", optionalTexts(rule.addresses)),
                .entry("tags", optionalTexts(rule.tags)))
        })
    }

    static func loadBalancer(_ balancer: LoadBalancerSpec) -> YAMLTree {
        let defaults = LoadBalancerSpec(name: "", region: "")
        return .mapping(
            .entry("name", .text(balancer.name)),
            .entry("region", .text(balancer.region)),
            .entry("project", balancer.project.map(YAMLTree.text)),
            .entry("size_unit", balancer.sizeUnit == defaults.sizeUnit ? nil : .int(balancer.sizeUnit)),
            .entry("algorithm", balancer.algorithm == defaults.algorithm ? nil : .text(balancer.algorithm)),
            .entry("forwarding_rules", balancer.forwardingRules == defaults.forwardingRules ? nil : forwardingRules(balancer.forwardingRules)),
            .entry("droplets", optionalTexts(balancer.droplets)))
    }

    static func forwardingRules(_ rules: [ForwardingRuleSpec]) -> YAMLTree {
        .list(rules.map { rule in
            .mapping(
                .entry("entry_protocol", .text(rule.entryProtocol)),
                .entry("entry_port", .int(rule.entryPort)),
                .entry("target_protocol", .text(rule.targetProtocol)),
                .entry("target_port", .int(rule.targetPort)))
        })
    }

    static func spacesBucket(_ bucket: SpacesBucketSpec) -> YAMLTree {
        .mapping(
            .entry("name", .text(bucket.name)),
            .entry("region", .text(bucket.region)),
            .entry("size", bucket.sizeGB == 0 ? nil : .int(bucket.sizeGB)),
            .entry("project", bucket.project.map(YAMLTree.text)))
    }

    static func projectOnly(_ spec: ProjectOnlySpec) -> YAMLTree {
        .mapping(
            .entry("name", .text(spec.name)),
            .entry("region", spec.region.map(YAMLTree.text)),
            .entry("project", spec.project.map(YAMLTree.text)))
    }
}
