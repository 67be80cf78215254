import ArcadiaCore
import DigitalOcean
import MoneyAndTime

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
    /// The `expect:` checks, compared with the ledger once the run is over.
    public var expectations: [ExpectationSpec]

    public init(name: String, description: String = "", seed: UInt64, clock: ClockRange,
                world: WorldSpec = WorldSpec(), account: AccountSpec = AccountSpec(), timeline: [TimelineEvent] = [],
                file: String? = nil, driftIgnore: [DriftIgnoreSpec] = [], tenancy: TenancySpec = TenancySpec(),
                metering: MeteringSpec = MeteringSpec(), priceBooks: [PriceBookSpec] = [], expectations: [ExpectationSpec] = []) {
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
        self.expectations = expectations
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

public struct TimelineEvent: Sendable, Equatable {
    public var at: Timestamp
    public var action: ScenarioAction
    public var location: ScenarioLocation?
    /// Its position in the file's `timeline:` list, which errors name (`timeline[3]`): the parsed
    /// timeline is in execution order, not file order. Nil for a generated scenario.
    public var fileIndex: Int?
    public init(at: Timestamp, action: ScenarioAction, location: ScenarioLocation? = nil, fileIndex: Int? = nil) {
        self.at = at
        self.action = action
        self.location = location
        self.fileIndex = fileIndex
    }
}
