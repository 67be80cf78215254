import ArcadiaCore
import DigitalOcean
import MoneyAndTime

/// Generates the benchmark's fleet: `droplets` droplets spread over projects, and `churnPerDay`
/// lifecycle events a day (resize, power off/on, destroy and replace), all from `seed`, through
/// the fuzzer's generator (`GeneratedFleet`). With a `Revenue`, the fleet's projects become that
/// many deployments of tenants (`GeneratedTenancy`), each subscribed from the first day to a plan
/// of the book, and metered at the granularity asked for, so metering, the month-end rollup and
/// issuing do real work. A generated scenario goes through the validator like a file does; with
/// no file, an error names the event by its index (`bench-fleet:0:0: timeline[12].resize_droplet.name: …`).
public enum FleetScenario {
    /// The revenue side of the benchmark.
    public struct Revenue: Sendable {
        public var deployments: Int
        public var granularity: MeteringGranularity
        /// The book every subscription is on (the standard book, from its file).
        public var book: PriceBookSpec

        public init(deployments: Int, granularity: MeteringGranularity, book: PriceBookSpec) {
            self.deployments = deployments
            self.granularity = granularity
            self.book = book
        }
    }

    /// `backups` of the starting droplets have backups on from the first instant, each on a daily
    /// or weekly plan drawn from `seed`: the backups worker's per-droplet listings, the fake's
    /// backup schedule and the backups' charges then do real work.
    public static func make(droplets: Int, days: Int, churnPerDay: Int, seed: UInt64, revenue: Revenue? = nil, backups: Int = 0,
                            start: Timestamp = Timestamp(year: 2026, month: 1, day: 1)) throws(ScenarioError) -> Scenario {
        var random = SplitMix64(seed: seed)
        var fleet = GeneratedFleet(projectCount: revenue.map { max(1, $0.deployments) } ?? max(1, droplets / 100))
        var world = WorldSpec()
        world.projects = fleet.projects
        world.droplets = fleet.populate(droplets, &random)
        let backupsOn = fleet.enableBackups(backups, at: start, &random)
        var timeline = backupsOn + fleet.churn(days: days, perDay: churnPerDay, start: start, kinds: GeneratedFleet.Churn.bench, &random)
        var tenancy = TenancySpec()
        var metering = MeteringSpec()
        var books: [PriceBookSpec] = []
        if let revenue {
            tenancy = GeneratedTenancy.make(tenants: (revenue.deployments + 1) / 2, deployments: revenue.deployments)
            timeline = GeneratedTenancy.subscriptions(tenancy, plans: revenue.book.book.plans.map(\.code), at: start, &random) + timeline
            metering.policies = [.dropletHours: MeteringPolicy(granularity: revenue.granularity)]
            books = [revenue.book]
        }
        let scenario = Scenario(name: "bench-fleet", description: "generated benchmark fleet", seed: seed,
                                clock: ClockRange(start: start, end: start + Int64(days) * 86_400), world: world, timeline: timeline,
                                tenancy: tenancy, metering: metering, priceBooks: books)
        try ScenarioValidator.validate(scenario)
        return scenario
    }
}
