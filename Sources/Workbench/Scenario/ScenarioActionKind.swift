/// The YAML key of each `ScenarioAction` case. One enum, switched over exhaustively by both the
/// parser and the validator, so a new action cannot be parsed without a key, or named without one.
enum ScenarioActionKind: String, CaseIterable {
    case createProject = "create_project"
    case createDroplet = "create_droplet"
    case resizeDroplet = "resize_droplet"
    case powerOffDroplet = "power_off_droplet"
    case powerOnDroplet = "power_on_droplet"
    case renameDroplet = "rename_droplet"
    case tagDroplet = "tag_droplet"
    case destroyDroplet = "destroy_droplet"
    case createDomain = "create_domain"
    case deleteDomain = "delete_domain"
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
    case rollupInvoices = "rollup_invoices"
    case invoicePaid = "invoice_paid"
    case invoiceVoid = "invoice_void"
    case enableBackups = "enable_backups"
    case disableBackups = "disable_backups"
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
        case .destroyDroplet: .destroyDroplet
        case .createDomain: .createDomain
        case .deleteDomain: .deleteDomain
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
        case .rollupInvoices: .rollupInvoices
        case .invoicePaid: .invoicePaid
        case .invoiceVoid: .invoiceVoid
        case .enableBackups: .enableBackups
        case .disableBackups: .disableBackups
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
