import DigitalOcean
import FakeDigitalOcean

/// Turns scenario declarations and timeline events into calls on the fake provider. The simulator
/// builds its world with it, and the validator's dry run builds a scratch one the same way, so a
/// world rule lives once, in the fake. What each area declares and plays is in its own file
/// (`Scenario/Areas/`), each action dispatched there from `ScenarioAction.swift`; this file holds
/// the order of the world.
struct WorldBuilder {
    let fake: FakeDigitalOcean
    /// Scenario labels of reserved IPs, to the addresses the fake handed out (a scenario cannot
    /// know a seeded address in advance).
    var reservedIPs: [String: String] = [:]

    init(fake: FakeDigitalOcean) { self.fake = fake }

    mutating func build(_ scenario: Scenario) throws(SimulationError) {
        do {
            try buildItems(scenario)
        } catch {
            // The item and, when the fake names it, the field it refused (`world.droplets[0].size`).
            let field = (error.underlying as? FakeWorldError)?.fieldPath(under: error.path) ?? error.path
            throw SimulationError(location: error.location, field: field, message: "\(error.underlying)")
        }
    }

    mutating func apply(_ event: TimelineEvent) throws(SimulationError) {
        do {
            try applyAction(event.action)
        } catch {
            let action = event.action.kind.rawValue
            let field = (error as? FakeWorldError)?.fieldPath(under: action) ?? action
            throw SimulationError(location: event.location, field: field, message: "\(error)")
        }
    }

    /// The world in its documented order (`docs/scenario-format.md`, World resources): account
    /// settings and sizes first, then projects, so every later item can name them.
    mutating func buildItems(_ scenario: Scenario) throws(WorldItemFailure) {
        let world = scenario.world
        try each(world.sizes, "world.sizes", \.location) { try $0.setSize($1) }
        try each(scenario.account.tax.map { [$0] } ?? [], "account.tax", { _ in nil }) { try $0.setTax($1) }
        try each(scenario.account.csvColumns.map { [$0] } ?? [], "account.csv_columns", { _ in nil }) { try $0.setCSVColumns($1) }
        try each(world.projects, "world.projects", \.location) { try $0.createProject($1) }
        try each(world.droplets, "world.droplets", \.location) { try $0.createDroplet($1, createdAt: $1.createdAt) }
        try each(world.volumes, "world.volumes", \.location) { try $0.createWorldVolume($1) }
        try each(world.reservedIPs, "world.reserved_ips", \.location) { try $0.reserve($1) }
        try each(world.domains, "world.domains", \.location) { try $0.createDomain($1) }
        try each(world.loadBalancers, "world.load_balancers", \.location) { try $0.createLoadBalancer($1) }
        try each(world.firewalls, "world.firewalls", \.location) { try $0.createFirewall($1) }
        try each(world.spacesBuckets, "world.spaces_buckets", \.location) { try $0.createSpacesBucket($1) }
        try each(world.databases, "world.databases", \.location) { try $0.createProjectOnly(.database, $1) }
        try each(world.k8sClusters, "world.k8s_clusters", \.location) { try $0.createProjectOnly(.k8sCluster, $1) }
        try each(world.apps, "world.apps", \.location) { try $0.createProjectOnly(.app, $1) }
    }

    /// Applies `body` to each item, naming the first that fails by its list and position.
    private mutating func each<Item>(_ items: [Item], _ list: String, _ location: (Item) -> ScenarioLocation?,
                                     _ body: (inout WorldBuilder, Item) throws -> Void) throws(WorldItemFailure) {
        for (index, item) in items.enumerated() {
            do {
                try body(&self, item)
            } catch {
                throw WorldItemFailure(list: list, index: index, location: location(item), underlying: error)
            }
        }
    }
}

/// A world item the fake refused: `list` is its key path (`world.droplets`), `index` its position.
struct WorldItemFailure: Error {
    var list: String
    var index: Int
    var location: ScenarioLocation?
    var underlying: any Error

    /// `world.droplets[3]`; a single setting (`account.tax`) is named by its key alone.
    var path: String { list.hasPrefix("world.") ? "\(list)[\(index)]" : list }
}
