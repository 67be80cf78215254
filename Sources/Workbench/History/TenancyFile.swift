import ArcadiaCore
import DigitalOcean
import Foundation

/// A tenants file (`arcadia import tenants FILE.yaml`): tenants, deployments, price books and
/// subscriptions with their dates, written in a scenario's own shapes and read by the scenario
/// parser's own readers (`docs/history.md`):
///
/// ```yaml
/// tenants:      [{code: acme, name: Acme Pty Ltd, country: AU}]          # as a scenario's tenants:
/// deployments:  [{code: acme-web, tenant: acme, name: Shop, project: acme-web}]
/// pricebooks:   [../pricebooks/standard-2026.yaml]                       # as a scenario's pricebooks:
/// subscriptions:                                                         # timeline items, subscription actions only
///   - {at: 2026-01-01T00:00:00Z, subscribe: {deployment: acme-web, plan: starter}}
///   - {at: 2026-03-15T00:00:00Z, change_subscription: {deployment: acme-web, plan: pro}}
/// ```
public struct TenancyFile: Sendable, Equatable {
    public var file: String
    public var tenants: [TenantSpec]
    public var deployments: [DeploymentSpec]
    public var priceBooks: [PriceBookSpec]
    /// In time order, ties in file order (the timeline's rule).
    public var subscriptions: [TimelineEvent]
    /// Each subscription event's index in the file's list, for error paths.
    var subscriptionIndexes: [Int]

    /// `confinement` says where its price-book paths may lead, as for a scenario.
    public static func load(path: String, confinement: FileConfinement = FileConfinement()) throws(ScenarioError) -> TenancyFile {
        try parse(yaml: ScenarioParser.readText(path: path), file: path, confinement: confinement)
    }

    public static func parse(yaml: String, file: String, confinement: FileConfinement = FileConfinement()) throws(ScenarioError) -> TenancyFile {
        let root = try ScenarioParser.compose(yaml, file: file, whatItNeeds: "a tenants file has tenants, deployments, pricebooks and/or subscriptions")
        return try YAMLNodeReader(file: file, confinement: confinement).tenancyFile(YAMLField(node: root, path: ""))
    }

    /// The engine's input.
    public var input: TenancyImportInput {
        TenancyImportInput(
            tenants: tenants.map { .init(code: $0.code, name: $0.name, country: $0.country) },
            deployments: deployments.map { .init(code: $0.code, tenant: $0.tenant, name: $0.name, project: $0.project) },
            subscriptions: subscriptions.map { event in
                switch event.action {
                case .subscribe(let spec): .init(at: event.at, deployment: spec.deployment, change: .subscribe(plan: spec.plan, addons: spec.addons))
                case .changeSubscription(let spec):
                    .init(at: event.at, deployment: spec.deployment, change: .change(plan: spec.plan, addons: spec.addons))
                case .endSubscription(let deployment): .init(at: event.at, deployment: deployment, change: .end)
                default: preconditionFailure("the parser keeps subscription events only")
                }
            },
            priceBooks: priceBooks.map { .init(book: $0.book, source: $0.source) })
    }

    /// The engine's refusal at the item it is about: `file:line:column: tenants[1].name: message`.
    public func locate(_ error: TenancyImportError) -> ScenarioError {
        let wholeFile = ScenarioLocation(file: file, line: 0, column: 0)
        let (path, location): (String, ScenarioLocation?) = switch error.item {
        case .tenant(let index): ("tenants[\(index)]", tenants[index].location)
        case .deployment(let index): ("deployments[\(index)]", deployments[index].location)
        case .subscription(let index):
            ("subscriptions[\(subscriptionIndexes[index])].\(subscriptions[index].action.kind.rawValue)", subscriptions[index].location)
        case .priceBook(let index): ("pricebooks[\(index)]", priceBooks[index].location)
        case .ledger: ("", nil)
        }
        return ScenarioError(location: location ?? wholeFile, field: error.field.isEmpty || path.isEmpty ? path : "\(path).\(error.field)",
                             message: error.message)
    }
}

extension YAMLNodeReader {
    func tenancyFile(_ root: YAMLField) throws(ScenarioError) -> TenancyFile {
        let top = try mapping(root, allowed: ["tenants", "deployments", "pricebooks", "subscriptions"])
        var events: [TimelineEvent] = []
        var indexes: [Int] = []
        if let field = top.optional("subscriptions") {
            let items = try list(field)
            events = try timeline(field)
            for event in events {
                let index = items.firstIndex { location(of: $0.node) == event.location } ?? 0
                switch event.action {
                case .subscribe, .changeSubscription, .endSubscription: indexes.append(index)
                default:
                    throw error(items[index], "\(event.action.kind.rawValue) is not a subscription event; "
                                    + "a tenants file's subscriptions take subscribe, change_subscription and end_subscription")
                }
            }
        }
        return TenancyFile(file: file, tenants: try top.optional("tenants").map(tenants) ?? [],
                           deployments: try top.optional("deployments").map(deployments) ?? [],
                           priceBooks: try top.optional("pricebooks").map(priceBooks) ?? [], subscriptions: events, subscriptionIndexes: indexes)
    }
}
