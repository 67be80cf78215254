import DigitalOcean
import MoneyAndTime

/// What `arcadia import tenants` brings, as plain values (the Workbench reads them from YAML in a
/// scenario's own shapes). Each list keeps its file order; errors name an item by its list and index.
public struct TenancyImportInput: Sendable, Equatable {
    public struct TenantEntry: Sendable, Equatable {
        public var code, name, country: String
        public init(code: String, name: String, country: String) {
            self.code = code
            self.name = name
            self.country = country
        }
    }

    public struct DeploymentEntry: Sendable, Equatable {
        public var code, tenant, name, project: String
        public init(code: String, tenant: String, name: String, project: String) {
            self.code = code
            self.tenant = tenant
            self.name = name
            self.project = project
        }
    }

    /// A subscription event at its instant: the scenario timeline's `subscribe`,
    /// `change_subscription` (nil keeps that part) and `end_subscription`.
    public struct SubscriptionEvent: Sendable, Equatable {
        public enum Change: Sendable, Equatable {
            case subscribe(plan: String, addons: [String])
            case change(plan: String?, addons: [String]?)
            case end
        }

        public var at: Timestamp
        public var deployment: String
        public var change: Change
        public init(at: Timestamp, deployment: String, change: Change) {
            self.at = at
            self.deployment = deployment
            self.change = change
        }
    }

    public struct PriceBookEntry: Sendable, Equatable {
        public var book: PriceBook
        /// Where it came from, stored in `price_books.source`.
        public var source: String
        public init(book: PriceBook, source: String) {
            self.book = book
            self.source = source
        }
    }

    public var tenants: [TenantEntry]
    public var deployments: [DeploymentEntry]
    /// In time order (ties in file order).
    public var subscriptions: [SubscriptionEvent]
    public var priceBooks: [PriceBookEntry]

    public init(tenants: [TenantEntry] = [], deployments: [DeploymentEntry] = [], subscriptions: [SubscriptionEvent] = [],
                priceBooks: [PriceBookEntry] = []) {
        self.tenants = tenants
        self.deployments = deployments
        self.subscriptions = subscriptions
        self.priceBooks = priceBooks
    }
}

/// Why a tenants import wrote nothing: the item (list and index in the input) and its field.
public struct TenancyImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Item: Sendable, Equatable {
        case tenant(Int), deployment(Int), subscription(Int), priceBook(Int)
        /// The ledger itself failed.
        case ledger
    }

    public var item: Item
    /// The item's field (`name`, `project`, …); empty for the item as a whole.
    public var field: String
    public var message: String

    public init(item: Item, field: String, message: String) {
        self.item = item
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}

/// What a tenants import added; items already in the ledger as the file has them are counted as
/// unchanged, never written again.
public struct TenancyImportReport: Sendable, Equatable {
    public var tenantsAdded: [String] = []
    public var tenantsUnchanged: [String] = []
    public var deploymentsAdded: [String] = []
    public var deploymentsUnchanged: [String] = []
    /// `name (effective YYYY-MM-DD)`.
    public var priceBooksAdded: [String] = []
    public var priceBooksUnchanged: [String] = []
    /// Subscription rows added (a change ends one row and starts another) and rows ended, as
    /// `deployment: plan from <start>`.
    public var subscriptionsAdded: [String] = []
    public var subscriptionsEnded: [String] = []
    public var subscriptionsUnchanged = 0

    public init() {}

    public var changedLedger: Bool {
        !(tenantsAdded.isEmpty && deploymentsAdded.isEmpty && priceBooksAdded.isEmpty && subscriptionsAdded.isEmpty && subscriptionsEnded.isEmpty)
    }
}
