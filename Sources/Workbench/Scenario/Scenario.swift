import ArcadiaCore
import DigitalOcean

/// A scenario file, parsed and validated: the fake world at the start, a timeline of world events
/// in virtual time, and the clock range to play it over. `docs/scenario-format.md` is its reference.
public struct Scenario: Sendable, Equatable {
    /// The `scenario:` key; names the goldens folder `goldens/<name>/`.
    public var name: String
    public var description: String
    /// Seeds every id the fake provider hands out (droplet ids, project UUIDs, IPs).
    public var seed: UInt64
    public var clock: ClockRange
    public var world: WorldSpec
    /// The DO account's billing settings.
    public var account: AccountSpec
    /// In the order they run: by `at`, then by their order in the file.
    public var timeline: [TimelineEvent]
    /// The file it came from (nil for generated scenarios such as the benchmark fleet).
    public var file: String?
    /// The `drift_ignore:` rules every drift sweep of the run applies.
    public var driftIgnore: [DriftIgnoreSpec]
    /// `tenants:` and `deployments:`.
    public var tenancy: TenancySpec
    /// `metering:`.
    public var metering: MeteringSpec
    /// The `pricebooks:`, written to the ledger before the clock starts.
    public var priceBooks: [PriceBookSpec]

    public init(name: String, description: String = "", seed: UInt64, clock: ClockRange,
                world: WorldSpec = WorldSpec(), account: AccountSpec = AccountSpec(), timeline: [TimelineEvent] = [],
                file: String? = nil, driftIgnore: [DriftIgnoreSpec] = [], tenancy: TenancySpec = TenancySpec(),
                metering: MeteringSpec = MeteringSpec(), priceBooks: [PriceBookSpec] = []) {
        self.name = name
        self.description = description
        self.seed = seed
        self.clock = clock
        self.world = world
        self.account = account
        self.timeline = timeline
        self.file = file
        self.driftIgnore = driftIgnore
        self.tenancy = tenancy
        self.metering = metering
        self.priceBooks = priceBooks
    }
}

/// Virtual time runs over `start ..< end`: events at `start` run, events at `end` do not.
public struct ClockRange: Sendable, Equatable {
    public var start: Timestamp
    public var end: Timestamp
    public init(start: Timestamp, end: Timestamp) {
        self.start = start
        self.end = end
    }
}

/// Where something was written, for error messages: `scenarios/x.yaml:12:7`.
public struct ScenarioLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    public var description: String { "\(file):\(line):\(column)" }
}

/// The fake DigitalOcean account at the start of the clock.
public struct WorldSpec: Sendable, Equatable {
    /// Changes to the fake's size catalogue (prices, or new sizes), applied before anything else.
    public var sizes: [SizeSpec]
    public var projects: [ProjectSpec]
    public var droplets: [DropletSpec]
    public var domains: [DomainSpec]
    public var volumes: [VolumeSpec]
    public var reservedIPs: [ReservedIPSpec]
    public var firewalls: [FirewallSpec]
    public var loadBalancers: [LoadBalancerSpec]
    public var spacesBuckets: [SpacesBucketSpec]
    public var databases: [ProjectOnlySpec]
    public var k8sClusters: [ProjectOnlySpec]
    public var apps: [ProjectOnlySpec]
    public init(sizes: [SizeSpec] = [], projects: [ProjectSpec] = [], droplets: [DropletSpec] = [], domains: [DomainSpec] = [],
                volumes: [VolumeSpec] = [], reservedIPs: [ReservedIPSpec] = [], firewalls: [FirewallSpec] = [],
                loadBalancers: [LoadBalancerSpec] = [], spacesBuckets: [SpacesBucketSpec] = [], databases: [ProjectOnlySpec] = [],
                k8sClusters: [ProjectOnlySpec] = [], apps: [ProjectOnlySpec] = []) {
        self.sizes = sizes
        self.projects = projects
        self.droplets = droplets
        self.domains = domains
        self.volumes = volumes
        self.reservedIPs = reservedIPs
        self.firewalls = firewalls
        self.loadBalancers = loadBalancers
        self.spacesBuckets = spacesBuckets
        self.databases = databases
        self.k8sClusters = k8sClusters
        self.apps = apps
    }
}

public struct ProjectSpec: Sendable, Equatable {
    public var name: String
    public var description: String
    /// `Development`, `Staging` or `Production` (DO's enum).
    public var environment: String?
    /// DO accounts always have one default project, where resources created without a project land.
    /// When no world project is marked default the fake provider creates one named `Default`
    /// (described `Default project`, as in DO's own API example).
    public var isDefault: Bool
    public var location: ScenarioLocation?
    public init(name: String, description: String = "", environment: String? = nil, isDefault: Bool = false,
                location: ScenarioLocation? = nil) {
        self.name = name
        self.description = description
        self.environment = environment
        self.isDefault = isDefault
        self.location = location
    }
}

public enum PowerState: String, Sendable, Equatable {
    case active
    case off
}

public struct DropletSpec: Sendable, Equatable {
    public var name: String
    /// A size slug from the catalogue, e.g. `s-2vcpu-4gb`.
    public var size: String
    /// A region slug, e.g. `syd1`.
    public var region: String
    /// The project it is assigned to; nil puts it in the account's default project, as DO does.
    public var project: String?
    public var tags: [String]
    public var status: PowerState
    /// For world droplets only: when it was created (default: the clock start; never after it).
    public var createdAt: Timestamp?
    public var location: ScenarioLocation?
    /// Its spec (size, region, tags) is recorded as desired state, as provisioning code would.
    public var provisioned: Bool
    public init(name: String, size: String, region: String, project: String? = nil, tags: [String] = [],
                status: PowerState = .active, createdAt: Timestamp? = nil, location: ScenarioLocation? = nil,
                provisioned: Bool = false) {
        self.name = name
        self.size = size
        self.region = region
        self.project = project
        self.tags = tags
        self.status = status
        self.createdAt = createdAt
        self.location = location
        self.provisioned = provisioned
    }
}

public struct DomainSpec: Sendable, Equatable {
    public var name: String
    /// The project it is assigned to; nil puts it in the account's default project.
    public var project: String?
    public var ttl: Int
    public var location: ScenarioLocation?
    public init(name: String, project: String? = nil, ttl: Int = 1800, location: ScenarioLocation? = nil) {
        self.name = name
        self.project = project
        self.ttl = ttl
        self.location = location
    }
}

public struct TimelineEvent: Sendable, Equatable {
    public var at: Timestamp
    public var action: ScenarioAction
    public var location: ScenarioLocation?
    public init(at: Timestamp, action: ScenarioAction, location: ScenarioLocation? = nil) {
        self.at = at
        self.action = action
        self.location = location
    }
}

/// What a resource reference in a `move_to_project` event points at.
public enum MovedResource: Sendable, Equatable {
    case droplet(String)
    case domain(String)
    case volume(String)
    /// By the scenario's label.
    case reservedIP(String)
    case loadBalancer(String)
    case spacesBucket(String)
    case database(String)
    case k8sCluster(String)
    case app(String)
}

/// One thing that happens to the fake world at an instant.
public enum ScenarioAction: Sendable, Equatable {
    case createProject(ProjectSpec)
    case createDroplet(DropletSpec)
    case resizeDroplet(name: String, size: String)
    case powerOffDroplet(name: String)
    case powerOnDroplet(name: String)
    case renameDroplet(name: String, to: String)
    case tagDroplet(name: String, tags: [String])
    case destroyDroplet(name: String)
    case createDomain(DomainSpec)
    case deleteDomain(name: String)
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
    /// An operator re-runs the month-end rollup for a period (`force` rebuilds drafts).
    case rollupInvoices(period: BillingPeriod, force: Bool)
    /// A tenant paid its issued invoice for the period.
    case invoicePaid(tenant: String, period: BillingPeriod)
    /// An operator voids a tenant's draft or issued invoice for the period.
    case invoiceVoid(tenant: String, period: BillingPeriod)
    case enableBackups(BackupsSpec)
    /// Turns a droplet's backups off; DO deletes its backups.
    case disableBackups(name: String)
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

/// A failure the fake provider injects into the next matching requests.
public struct FaultSpec: Sendable, Equatable {
    /// How the response is spoiled instead of an error status.
    public enum Body: String, Sendable, Equatable {
        /// A 200 whose JSON is cut in half.
        case truncated
        /// A 200 carrying an HTML error page.
        case notJSON = "not_json"
    }

    /// The path it hits, e.g. `/v2/droplets`.
    public var path: String
    /// Only this page of the listing (nil: any page).
    public var page: Int?
    /// The HTTP status returned, with DO's error body for it (ignored when `body` is set).
    public var status: Int
    /// A broken 200 body instead of an error status.
    public var body: Body?
    /// How many matching requests fail before the fault is used up.
    public var times: Int
    /// Instead of failing, the page is served and then this changes before the next page.
    public var then: ListingShiftSpec?
    public init(path: String, page: Int? = nil, status: Int = 500, body: Body? = nil, times: Int = 1, then: ListingShiftSpec? = nil) {
        self.path = path
        self.page = page
        self.status = status
        self.body = body
        self.times = times
        self.then = then
    }
}
