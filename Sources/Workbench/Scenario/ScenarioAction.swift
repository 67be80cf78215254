import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime

/// The timeline's actions: the `ScenarioAction` cases, their YAML keys, and which area parses and
/// plays each. A new world action is a case, a key and two dispatch lines here, its spec, YAML and
/// play in its area file (`Areas/`), and the fake's operation; the validator's dry run needs nothing more.
/// One thing that happens to the fake world at an instant.
public enum ScenarioAction: Sendable, Equatable {
    case createProject(ProjectSpec)
    case createDroplet(DropletSpec)
    case resizeDroplet(name: String, size: String)
    case powerOffDroplet(name: String)
    case powerOnDroplet(name: String)
    case renameDroplet(name: String, to: String)
    case tagDroplet(name: String, tags: [String])
    /// Removes tags (DO's untag; tags the droplet lacks are ignored).
    case untagDroplet(name: String, tags: [String])
    case destroyDroplet(name: String)
    case createDomain(DomainSpec)
    case deleteDomain(name: String)
    case createDomainRecord(domain: String, record: DomainRecordFields)
    /// Sets the fields `record` gives on the record with that id.
    case updateDomainRecord(domain: String, id: Int, record: DomainRecordFields)
    case deleteDomainRecord(domain: String, id: Int)
    /// A tag with no resources (DO's `POST /v2/tags`); one that exists is left as it is.
    case createTag(name: String)
    /// Deletes the tag, taking it off every droplet and volume.
    case deleteTag(name: String)
    /// Assigns a resource to a project (DO moves it out of its previous one).
    case moveToProject(resource: MovedResource, project: String)
    case fault(FaultSpec)
    /// From now on the fake exports invoice CSVs with these columns, in this order.
    case setInvoiceCSVColumns([String])
    /// The next CSV export of that month's invoice is broken in this way.
    case corruptInvoiceCSV(period: String, how: CSVCorruptionSpec)
    /// An operator asks the ingestion engine to ingest that month's invoice again.
    case reingestInvoice(period: String)
    case createVolume(VolumeSpec)
    case attachVolume(name: String, droplet: String)
    case detachVolume(name: String)
    case deleteVolume(name: String)
    case reserveIP(ReservedIPSpec)
    case assignIP(name: String, droplet: String)
    case unassignIP(name: String)
    case releaseIP(name: String)
    /// Records a droplet's desired state (what provisioning asked for); touches nothing live.
    case provision(droplet: String, spec: [String: JSONValue])
    /// Accepts the open drift on a droplet's field through the drift inbox.
    case acceptDrift(droplet: String, field: String)
    /// A deployment starts a subscription.
    case subscribe(SubscriptionSpec)
    /// A deployment's plan and/or addons change: its subscription row ends and the next starts.
    case changeSubscription(SubscriptionChangeSpec)
    case endSubscription(deployment: String)
    /// An operator meters an ended day (named by its midnight) again.
    case meterUsage(day: Timestamp)
    /// A job of the table runs at `at` besides its schedule, as the service runs every job when it
    /// starts and again when it restarts after a stop: off the table's grid (what a capture of a
    /// ledger the service wrote replays).
    case runJob(JobID)
    /// An operator re-runs the month-end rollup for a period (`force` rebuilds drafts).
    case rollupInvoices(period: BillingPeriod, force: Bool)
    /// A tenant paid its issued invoice for the period.
    case invoicePaid(tenant: String, period: BillingPeriod)
    /// An operator voids a tenant's draft or issued invoice for the period.
    case invoiceVoid(tenant: String, period: BillingPeriod)
    case enableBackups(BackupsSpec)
    /// Turns a droplet's backups off; DO deletes its backups.
    case disableBackups(name: String)
    /// One backup of a droplet now, of a stated size, kept until a stated time.
    case takeBackup(BackupSpec)
    case takeSnapshot(SnapshotSpec)
    case deleteSnapshot(name: String)
    case createFirewall(FirewallSpec)
    case updateFirewall(FirewallUpdateSpec)
    case deleteFirewall(name: String)
    case createLoadBalancer(LoadBalancerSpec)
    case updateLoadBalancer(LoadBalancerUpdateSpec)
    case deleteLoadBalancer(name: String)
    case createSpacesBucket(SpacesBucketSpec)
    case deleteSpacesBucket(name: String)
    case setSpacesBucketSize(name: String, sizeGB: Int)
    case createDatabase(ProjectOnlySpec)
    case deleteDatabase(name: String)
    case createK8sCluster(ProjectOnlySpec)
    case deleteK8sCluster(name: String)
    case createApp(ProjectOnlySpec)
    case deleteApp(name: String)
}

/// The YAML key of each `ScenarioAction` case, switched over exhaustively below to parse each
/// action with its area's reader, so a new action cannot be parsed without a key, or named without one.
enum ScenarioActionKind: String, CaseIterable {
    case createProject = "create_project"
    case createDroplet = "create_droplet"
    case resizeDroplet = "resize_droplet"
    case powerOffDroplet = "power_off_droplet"
    case powerOnDroplet = "power_on_droplet"
    case renameDroplet = "rename_droplet"
    case tagDroplet = "tag_droplet"
    case untagDroplet = "untag_droplet"
    case destroyDroplet = "destroy_droplet"
    case createDomain = "create_domain"
    case deleteDomain = "delete_domain"
    case createDomainRecord = "create_domain_record"
    case updateDomainRecord = "update_domain_record"
    case deleteDomainRecord = "delete_domain_record"
    case createTag = "create_tag"
    case deleteTag = "delete_tag"
    case moveToProject = "move_to_project"
    case fault
    case setInvoiceCSVColumns = "set_invoice_csv_columns"
    case corruptInvoiceCSV = "corrupt_invoice_csv"
    case reingestInvoice = "reingest_invoice"
    case createVolume = "create_volume"
    case attachVolume = "attach_volume"
    case detachVolume = "detach_volume"
    case deleteVolume = "delete_volume"
    case reserveIP = "reserve_ip"
    case assignIP = "assign_ip"
    case unassignIP = "unassign_ip"
    case releaseIP = "release_ip"
    case provision
    case acceptDrift = "accept_drift"
    case subscribe
    case changeSubscription = "change_subscription"
    case endSubscription = "end_subscription"
    case meterUsage = "meter_usage"
    case runJob = "run_job"
    case rollupInvoices = "rollup_invoices"
    case invoicePaid = "invoice_paid"
    case invoiceVoid = "invoice_void"
    case enableBackups = "enable_backups"
    case disableBackups = "disable_backups"
    case takeBackup = "take_backup"
    case takeSnapshot = "take_snapshot"
    case deleteSnapshot = "delete_snapshot"
    case createFirewall = "create_firewall"
    case updateFirewall = "update_firewall"
    case deleteFirewall = "delete_firewall"
    case createLoadBalancer = "create_load_balancer"
    case updateLoadBalancer = "update_load_balancer"
    case deleteLoadBalancer = "delete_load_balancer"
    case createSpacesBucket = "create_spaces_bucket"
    case deleteSpacesBucket = "delete_spaces_bucket"
    case setSpacesBucketSize = "set_spaces_bucket_size"
    case createDatabase = "create_database"
    case deleteDatabase = "delete_database"
    case createK8sCluster = "create_k8s_cluster"
    case deleteK8sCluster = "delete_k8s_cluster"
    case createApp = "create_app"
    case deleteApp = "delete_app"

    static let keys = allCases.map(\.rawValue)
}

extension ScenarioAction {
    var kind: ScenarioActionKind {
        switch self {
        case .createProject: .createProject
        case .createDroplet: .createDroplet
        case .resizeDroplet: .resizeDroplet
        case .powerOffDroplet: .powerOffDroplet
        case .powerOnDroplet: .powerOnDroplet
        case .renameDroplet: .renameDroplet
        case .tagDroplet: .tagDroplet
        case .untagDroplet: .untagDroplet
        case .destroyDroplet: .destroyDroplet
        case .createDomain: .createDomain
        case .deleteDomain: .deleteDomain
        case .createDomainRecord: .createDomainRecord
        case .updateDomainRecord: .updateDomainRecord
        case .deleteDomainRecord: .deleteDomainRecord
        case .createTag: .createTag
        case .deleteTag: .deleteTag
        case .moveToProject: .moveToProject
        case .fault: .fault
        case .setInvoiceCSVColumns: .setInvoiceCSVColumns
        case .corruptInvoiceCSV: .corruptInvoiceCSV
        case .reingestInvoice: .reingestInvoice
        case .createVolume: .createVolume
        case .attachVolume: .attachVolume
        case .detachVolume: .detachVolume
        case .deleteVolume: .deleteVolume
        case .reserveIP: .reserveIP
        case .assignIP: .assignIP
        case .unassignIP: .unassignIP
        case .releaseIP: .releaseIP
        case .provision: .provision
        case .acceptDrift: .acceptDrift
        case .subscribe: .subscribe
        case .changeSubscription: .changeSubscription
        case .endSubscription: .endSubscription
        case .meterUsage: .meterUsage
        case .runJob: .runJob
        case .rollupInvoices: .rollupInvoices
        case .invoicePaid: .invoicePaid
        case .invoiceVoid: .invoiceVoid
        case .enableBackups: .enableBackups
        case .disableBackups: .disableBackups
        case .takeBackup: .takeBackup
        case .takeSnapshot: .takeSnapshot
        case .deleteSnapshot: .deleteSnapshot
        case .createFirewall: .createFirewall
        case .updateFirewall: .updateFirewall
        case .deleteFirewall: .deleteFirewall
        case .createLoadBalancer: .createLoadBalancer
        case .updateLoadBalancer: .updateLoadBalancer
        case .deleteLoadBalancer: .deleteLoadBalancer
        case .createSpacesBucket: .createSpacesBucket
        case .deleteSpacesBucket: .deleteSpacesBucket
        case .setSpacesBucketSize: .setSpacesBucketSize
        case .createDatabase: .createDatabase
        case .deleteDatabase: .deleteDatabase
        case .createK8sCluster: .createK8sCluster
        case .deleteK8sCluster: .deleteK8sCluster
        case .createApp: .createApp
        case .deleteApp: .deleteApp
        }
    }
}

extension YAMLNodeReader {
    func action(_ kind: ScenarioActionKind, _ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        switch kind {
        case .createProject: .createProject(try project(body, allowsDefault: false))
        case .createDroplet: .createDroplet(try droplet(body))
        case .resizeDroplet: try resizeDroplet(body)
        case .powerOffDroplet: .powerOffDroplet(name: try nameOnly(body))
        case .powerOnDroplet: .powerOnDroplet(name: try nameOnly(body))
        case .renameDroplet: try renameDroplet(body)
        case .tagDroplet: try tagDroplet(body)
        case .untagDroplet: try tagDroplet(body, adding: false)
        case .destroyDroplet: .destroyDroplet(name: try nameOnly(body))
        case .createDomain: .createDomain(try domain(body))
        case .deleteDomain: .deleteDomain(name: try nameOnly(body))
        case .createDomainRecord, .updateDomainRecord, .deleteDomainRecord: try domainRecordAction(kind, body)
        case .createTag: .createTag(name: try nameOnly(body))
        case .deleteTag: .deleteTag(name: try nameOnly(body))
        case .moveToProject: try moveToProject(body)
        case .fault: .fault(try fault(body))
        case .setInvoiceCSVColumns: try setInvoiceCSVColumns(body)
        case .corruptInvoiceCSV: try corruptInvoiceCSV(body)
        case .reingestInvoice: try reingestInvoice(body)
        case .createVolume: .createVolume(try volume(body, inWorld: false))
        case .attachVolume: try attachVolume(body)
        case .detachVolume: .detachVolume(name: try nameOnly(body))
        case .deleteVolume: .deleteVolume(name: try nameOnly(body))
        case .reserveIP: .reserveIP(try reservedIP(body))
        case .assignIP: try assignIP(body)
        case .unassignIP: .unassignIP(name: try nameOnly(body))
        case .releaseIP: .releaseIP(name: try nameOnly(body))
        case .provision: try provision(body)
        case .acceptDrift: try acceptDrift(body)
        case .subscribe: try subscribe(body)
        case .changeSubscription: try changeSubscription(body)
        case .endSubscription: try endSubscription(body)
        case .meterUsage: try meterUsage(body)
        case .runJob: .runJob(try oneOf(mapping(body, allowed: ["job"]).required("job"), JobID.allCases.map { ($0.rawValue, $0) }))
        case .rollupInvoices, .invoicePaid, .invoiceVoid: try revenueAction(kind, body)
        case .enableBackups: try enableBackups(body)
        case .disableBackups: .disableBackups(name: try nameOnly(body))
        case .takeBackup: try takeBackup(body)
        case .takeSnapshot: try takeSnapshot(body)
        case .deleteSnapshot: .deleteSnapshot(name: try nameOnly(body))
        case .createFirewall: .createFirewall(try firewall(body))
        case .updateFirewall: try updateFirewall(body)
        case .deleteFirewall: .deleteFirewall(name: try nameOnly(body))
        case .createLoadBalancer: .createLoadBalancer(try loadBalancer(body))
        case .updateLoadBalancer: try updateLoadBalancer(body)
        case .deleteLoadBalancer: .deleteLoadBalancer(name: try nameOnly(body))
        case .createSpacesBucket: .createSpacesBucket(try spacesBucket(body))
        case .deleteSpacesBucket: .deleteSpacesBucket(name: try nameOnly(body))
        case .setSpacesBucketSize: try setSpacesBucketSize(body)
        case .createDatabase: .createDatabase(try projectOnly(body))
        case .deleteDatabase: .deleteDatabase(name: try nameOnly(body))
        case .createK8sCluster: .createK8sCluster(try projectOnly(body))
        case .deleteK8sCluster: .deleteK8sCluster(name: try nameOnly(body))
        case .createApp: .createApp(try projectOnly(body))
        case .deleteApp: .deleteApp(name: try nameOnly(body))
        }
    }

    /// `{name}`: the body of every action that only names its resource.
    private func nameOnly(_ body: YAMLField) throws(ScenarioError) -> String {
        try nonEmptyString(mapping(body, allowed: ["name"]).required("name"))
    }
}

extension WorldBuilder {
    /// Plays one world action on the fake; the platform's actions change nothing at DO and are
    /// played by `Platform` (the other of the two switches over actions).
    mutating func applyAction(_ action: ScenarioAction) throws {
        switch action {
        case .createProject(let p): try createProject(p)
        case .createDroplet(let d): try createDroplet(d, createdAt: nil)
        case .resizeDroplet, .powerOffDroplet, .powerOnDroplet, .renameDroplet, .tagDroplet, .untagDroplet, .destroyDroplet:
            try applyDropletAction(action)
        case .createDomain(let d): try createDomain(d)
        case .deleteDomain(let name): try fake.deleteDomain(name: name)
        case .createDomainRecord, .updateDomainRecord, .deleteDomainRecord: try applyDomainRecordAction(action)
        case .createTag(let name): try fake.createTag(name: name)
        case .deleteTag(let name): try fake.deleteTag(name: name)
        case .moveToProject(let resource, let project): try move(resource, to: project)
        case .fault(let f): injectFault(f)
        case .setInvoiceCSVColumns(let columns): try setCSVColumns(columns)
        case .corruptInvoiceCSV(let period, let how): try corruptCSV(period: period, how: how)
        case .createVolume, .attachVolume, .detachVolume, .deleteVolume: try applyVolumeAction(action)
        case .reserveIP, .assignIP, .unassignIP, .releaseIP: try applyReservedIPAction(action)
        case .enableBackups, .disableBackups, .takeBackup, .takeSnapshot, .deleteSnapshot: try applyImageAction(action)
        case .createFirewall, .updateFirewall, .deleteFirewall: try applyFirewallAction(action)
        case .createLoadBalancer, .updateLoadBalancer, .deleteLoadBalancer: try applyLoadBalancerAction(action)
        case .createSpacesBucket, .deleteSpacesBucket, .setSpacesBucketSize, .createDatabase, .deleteDatabase, .createK8sCluster,
             .deleteK8sCluster, .createApp, .deleteApp:
            try applyProjectOnlyAction(action)
        case .reingestInvoice, .provision, .acceptDrift, .subscribe, .changeSubscription, .endSubscription, .meterUsage, .runJob,
             .rollupInvoices, .invoicePaid, .invoiceVoid:
            break
        }
    }
}
