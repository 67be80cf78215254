import ArcadiaCore
import FakeDigitalOcean

/// `timeline:` items: `at`, then the one action key with its body.
extension ScenarioWriter {
    /// Items are written in `Scenario.timeline`'s order, which is execution order; the parser
    /// keeps file order for items at the same instant, so reading them back keeps it too.
    static func timelineItem(_ event: TimelineEvent) -> YAMLTree {
        let (key, body) = action(event.action)
        return .blockMap([YAMLTree.Entry("at", time(event.at)), YAMLTree.Entry(key, body)])
    }

    /// The action's YAML key and body.
    static func action(_ action: ScenarioAction) -> (key: String, body: YAMLTree) {
        switch action {
        case .createProject(let spec): ("create_project", project(spec, inWorld: false))
        case .createDroplet(let spec): ("create_droplet", droplet(spec, inWorld: false))
        case .resizeDroplet(let name, let size): ("resize_droplet", .mapping(.entry("name", .text(name)), .entry("size", .text(size))))
        case .powerOffDroplet(let name): ("power_off_droplet", named(name))
        case .powerOnDroplet(let name): ("power_on_droplet", named(name))
        case .renameDroplet(let name, let to): ("rename_droplet", .mapping(.entry("name", .text(name)), .entry("to", .text(to))))
        case .tagDroplet(let name, let tags): ("tag_droplet", .mapping(.entry("name", .text(name)), .entry("tags", .texts(tags))))
        case .untagDroplet(let name, let tags): ("untag_droplet", .mapping(.entry("name", .text(name)), .entry("tags", .texts(tags))))
        case .destroyDroplet(let name): ("destroy_droplet", named(name))
        case .createDomain(let spec): ("create_domain", domain(spec))
        case .deleteDomain(let name): ("delete_domain", named(name))
        case .createDomainRecord(let domain, let record): ("create_domain_record", domainRecord(domain, id: nil, record))
        case .updateDomainRecord(let domain, let id, let record): ("update_domain_record", domainRecord(domain, id: id, record))
        case .deleteDomainRecord(let domain, let id): ("delete_domain_record", .mapping(.entry("domain", .text(domain)), .entry("id", .int(id))))
        case .createTag(let name): ("create_tag", named(name))
        case .deleteTag(let name): ("delete_tag", named(name))
        case .moveToProject(let resource, let project): ("move_to_project", moveToProject(resource, project: project))
        case .fault(let fault): ("fault", self.fault(fault))
        case .setInvoiceCSVColumns(let columns): ("set_invoice_csv_columns", .mapping(.entry("columns", .texts(columns))))
        case .corruptInvoiceCSV(let period, let how): ("corrupt_invoice_csv", corruptInvoiceCSV(period: period, how: how))
        case .reingestInvoice(let period): ("reingest_invoice", .mapping(.entry("period", .text(period))))
        case .createVolume(let spec): ("create_volume", volume(spec, inWorld: false))
        case .attachVolume(let name, let droplet): ("attach_volume", .mapping(.entry("name", .text(name)), .entry("droplet", .text(droplet))))
        case .detachVolume(let name): ("detach_volume", named(name))
        case .deleteVolume(let name): ("delete_volume", named(name))
        case .reserveIP(let spec): ("reserve_ip", reservedIP(spec))
        case .assignIP(let name, let droplet): ("assign_ip", .mapping(.entry("name", .text(name)), .entry("droplet", .text(droplet))))
        case .unassignIP(let name): ("unassign_ip", named(name))
        case .releaseIP(let name): ("release_ip", named(name))
        case .provision(let droplet, let spec): ("provision", .mapping(.entry("droplet", .text(droplet)), .entry("spec", json(.object(spec)))))
        case .acceptDrift(let droplet, let field): ("accept_drift", .mapping(.entry("droplet", .text(droplet)), .entry("field", .text(field))))
        case .enableBackups(let spec): ("enable_backups", enableBackups(spec))
        case .disableBackups(let name): ("disable_backups", named(name))
        case .takeBackup(let spec): ("take_backup", takeBackup(spec))
        case .takeSnapshot(let spec): ("take_snapshot", takeSnapshot(spec))
        case .deleteSnapshot(let name): ("delete_snapshot", named(name))
        case .createFirewall(let spec): ("create_firewall", firewall(spec))
        case .updateFirewall(let spec): ("update_firewall", updateFirewall(spec))
        case .deleteFirewall(let name): ("delete_firewall", named(name))
        case .createLoadBalancer(let spec): ("create_load_balancer", loadBalancer(spec))
        case .updateLoadBalancer(let spec): ("update_load_balancer", updateLoadBalancer(spec))
        case .deleteLoadBalancer(let name): ("delete_load_balancer", named(name))
        case .createSpacesBucket(let spec): ("create_spaces_bucket", spacesBucket(spec))
        case .deleteSpacesBucket(let name): ("delete_spaces_bucket", named(name))
        case .setSpacesBucketSize(let name, let size):
            ("set_spaces_bucket_size", .mapping(.entry("name", .text(name)), .entry("size", .int(size))))
        case .createDatabase(let spec): ("create_database", projectOnly(spec))
        case .deleteDatabase(let name): ("delete_database", named(name))
        case .createK8sCluster(let spec): ("create_k8s_cluster", projectOnly(spec))
        case .deleteK8sCluster(let name): ("delete_k8s_cluster", named(name))
        case .createApp(let spec): ("create_app", projectOnly(spec))
        case .deleteApp(let name): ("delete_app", named(name))
        case .subscribe(let spec): ("subscribe", subscribe(spec))
        case .changeSubscription(let spec): ("change_subscription", changeSubscription(spec))
        case .endSubscription(let deployment): ("end_subscription", .mapping(.entry("deployment", .text(deployment))))
        case .meterUsage(let day): ("meter_usage", .mapping(.entry("day", .token(day.isoDate))))
        case .runJob(let job): ("run_job", .mapping(.entry("job", .token(job.rawValue))))
        case .rollupInvoices(let period, let force): ("rollup_invoices", rollupInvoices(period: period, force: force))
        case .invoicePaid(let tenant, let period): ("invoice_paid", tenantInvoice(tenant: tenant, period: period))
        case .invoiceVoid(let tenant, let period): ("invoice_void", tenantInvoice(tenant: tenant, period: period))
        }
    }

    /// `{name: …}`: the body of every action that only names its resource.
    private static func domainRecord(_ domain: String, id: Int?, _ record: DomainRecordFields) -> YAMLTree {
        func number(_ value: Int?) -> YAMLTree? { value.map { .int($0) } }
        return .mapping(.entry("domain", .text(domain)), .entry("id", number(id)), .entry("type", record.type.map(YAMLTree.text)),
                        .entry("name", record.name.map(YAMLTree.text)), .entry("data", record.data.map(YAMLTree.text)),
                        .entry("priority", number(record.priority)), .entry("port", number(record.port)), .entry("ttl", number(record.ttl)),
                        .entry("weight", number(record.weight)), .entry("flags", number(record.flags)), .entry("tag", record.tag.map(YAMLTree.text)))
    }

    private static func named(_ name: String) -> YAMLTree {
        .mapping(.entry("name", .text(name)))
    }

    private static func moveToProject(_ resource: MovedResource, project: String) -> YAMLTree {
        let (key, name): (String, String) = switch resource {
        case .droplet(let name): ("droplet", name)
        case .domain(let name): ("domain", name)
        case .volume(let name): ("volume", name)
        case .snapshot(let name): ("snapshot", name)
        case .reservedIP(let name): ("reserved_ip", name)
        case .loadBalancer(let name): ("load_balancer", name)
        case .spacesBucket(let name): ("spaces_bucket", name)
        case .database(let name): ("database", name)
        case .k8sCluster(let name): ("k8s_cluster", name)
        case .app(let name): ("app", name)
        }
        return .mapping(.entry(key, .text(name)), .entry("project", .text(project)))
    }

    /// A listing shift carries only `path`, `page` and `then`; the parser gives it the defaults.
    private static func fault(_ fault: FaultSpec) -> YAMLTree {
        let defaults = FaultSpec(path: fault.path)
        return .mapping(
            .entry("path", .text(fault.path)),
            .entry("page", fault.page.map(YAMLTree.int)),
            .entry("status", fault.status == defaults.status ? nil : .int(fault.status)),
            .entry("body", fault.body.map { .text($0.rawValue) }),
            .entry("times", fault.times == defaults.times ? nil : .int(fault.times)),
            .entry("then", fault.then.map(listingShift)))
    }

    private static func listingShift(_ shift: ListingShiftSpec) -> YAMLTree {
        switch shift {
        case .destroyDroplet(let name):
            .mapping(.entry("destroy_droplet", named(name)))
        case .createDroplet(let name, let size, let region):
            .mapping(.entry("create_droplet", .mapping(.entry("name", .text(name)), .entry("size", .text(size)),
                                                        .entry("region", .text(region)))))
        }
    }

    private static func corruptInvoiceCSV(period: String, how: CSVCorruptionSpec) -> YAMLTree {
        let (name, column): (String, String?) = switch how {
        case .badAmount: ("bad_amount", nil)
        case .badDate: ("bad_date", nil)
        case .truncated: ("truncated", nil)
        case .missingColumn(let column): ("missing_column", column)
        }
        return .mapping(.entry("period", .text(period)), .entry("how", .text(name)), .entry("column", column.map(YAMLTree.text)))
    }

    private static func enableBackups(_ spec: BackupsSpec) -> YAMLTree {
        .mapping(
            .entry("name", .text(spec.droplet)),
            .entry("policy", .text(spec.plan.rawValue)),
            .entry("weekday", spec.weekday.map { .text(BackupsSpec.weekdays[$0]) }),
            .entry("hour", spec.hour.map(YAMLTree.int)),
            .entry("size_gb", spec.sizeCentiGB.map(imageSize)))
    }

    private static func takeBackup(_ spec: BackupSpec) -> YAMLTree {
        .mapping(
            .entry("droplet", .text(spec.droplet)),
            .entry("size_gb", spec.sizeCentiGB.map(imageSize)),
            .entry("kept_until", spec.keptUntil.map(time)))
    }

    private static func takeSnapshot(_ spec: SnapshotSpec) -> YAMLTree {
        let source: YAMLTree.Entry = switch spec.source {
        case .droplet(let name): YAMLTree.Entry("droplet", .text(name))
        case .volume(let name): YAMLTree.Entry("volume", .text(name))
        }
        return .mapping(.entry("name", .text(spec.name)), source, .entry("size_gb", spec.sizeCentiGB.map(imageSize)))
    }

    /// `2.34`, as DO states `size_gigabytes`.
    private static func imageSize(_ centiGB: Int) -> YAMLTree { .token(ImageSize.text(centiGB: centiGB)) }

    /// Each part given replaces the firewall's, so an empty list is written (`[]` empties it).
    private static func updateFirewall(_ spec: FirewallUpdateSpec) -> YAMLTree {
        .mapping(
            .entry("name", .text(spec.name)),
            .entry("droplets", spec.droplets.map(YAMLTree.texts)),
            .entry("tags", spec.tags.map(YAMLTree.texts)),
            .entry("inbound", spec.inbound.map(firewallRules)),
            .entry("outbound", spec.outbound.map(firewallRules)))
    }

    private static func updateLoadBalancer(_ spec: LoadBalancerUpdateSpec) -> YAMLTree {
        .mapping(
            .entry("name", .text(spec.name)),
            .entry("size_unit", spec.sizeUnit.map(YAMLTree.int)),
            .entry("algorithm", spec.algorithm.map(YAMLTree.text)),
            .entry("forwarding_rules", spec.forwardingRules.map(forwardingRules)),
            .entry("droplets", spec.droplets.map(YAMLTree.texts)))
    }

    /// A desired value typed as the parser types it: integers, numbers and booleans plain, strings
    /// quoted whenever YAML would type them (so `"8080"` stays a string), mapping keys sorted. A
    /// null, which the format cannot hold, is written `null` so that the parser reports it.
    static func json(_ value: JSONValue) -> YAMLTree {
        switch value {
        case .null: .token("null")
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .number(let text): .token(text)
        case .string(let text): .text(text)
        case .array(let items): .list(items.map(json))
        case .object(let fields): .map(fields.sorted { $0.key < $1.key }.map { YAMLTree.Entry($0.key, json($0.value)) })
        }
    }
}
