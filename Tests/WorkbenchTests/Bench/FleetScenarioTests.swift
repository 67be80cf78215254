import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import TestSupport
import Testing
@testable import Workbench

/// The generated benchmark fleet goes through the validator's dry run like a scenario file.
struct FleetScenarioTests {
    @Test func aGeneratedFleetIsValidAndDeterministic() throws {
        let fleet = try FleetScenario.make(droplets: 30, days: 3, churnPerDay: 20, seed: 7)
        #expect(fleet.world.droplets.count == 30 && fleet.timeline.count == 60)
        #expect(try FleetScenario.make(droplets: 30, days: 3, churnPerDay: 20, seed: 7) == fleet)
    }

    /// `--backups`: the first droplets have backups on from the clock's first instant, each on a
    /// plan drawn from the seed; with none, the fleet is the one it always was.
    @Test func aFleetWithBackupsTurnsThemOnAtTheStart() throws {
        let plain = try FleetScenario.make(droplets: 30, days: 3, churnPerDay: 20, seed: 7)
        #expect(try FleetScenario.make(droplets: 30, days: 3, churnPerDay: 20, seed: 7, backups: 0) == plain)
        let fleet = try FleetScenario.make(droplets: 30, days: 3, churnPerDay: 20, seed: 7, backups: 12)
        let enabled = fleet.timeline.compactMap { event -> BackupsSpec? in
            guard case .enableBackups(let spec) = event.action else { return nil }
            #expect(event.at == fleet.clock.start)
            return spec
        }
        #expect(enabled.map(\.droplet) == fleet.world.droplets.prefix(12).map(\.name))
        #expect(Set(enabled.map(\.plan)) == [.daily, .weekly], "both plans drawn")
        #expect(fleet.world.droplets == plain.world.droplets)
        #expect(fleet.timeline.count == plain.timeline.count + 12)
        #expect(try FleetScenario.make(droplets: 30, days: 3, churnPerDay: 20, seed: 7, backups: 12) == fleet)
    }

    /// With no file, the error names the field path and the event's index, at `<name>:0:0`.
    @Test func anErrorInAGeneratedEventNamesItsIndex() throws {
        var fleet = try FleetScenario.make(droplets: 30, days: 3, churnPerDay: 20, seed: 7)
        fleet.timeline[12].action = .resizeDroplet(name: "ghost", size: "s-1vcpu-1gb")
        let at = fleet.timeline[12].at
        #expect(throws: ScenarioError(location: ScenarioLocation(file: "bench-fleet", line: 0, column: 0),
                                      field: "timeline[12].resize_droplet.name", message: "no droplet named 'ghost' exists at \(at)")) {
            try ScenarioValidator.validate(fleet)
        }
    }

    /// `--deployments`: one deployment per project, two per tenant, every one subscribed on the
    /// first day to a plan of the book, droplet hours metered at the granularity asked for.
    @Test func aRevenueFleetHasDeploymentsSubscribedOnTheBook() throws {
        let book = try PriceBookParser.load(path: RepoPaths.root().appendingPathComponent("pricebooks/standard-2026.yaml").path)
        let revenue = FleetScenario.Revenue(deployments: 5, granularity: .hourly, book: PriceBookSpec(book: book, source: "standard"))
        let fleet = try FleetScenario.make(droplets: 40, days: 3, churnPerDay: 2, seed: 7, revenue: revenue)
        #expect(fleet.world.projects.map(\.name) == (0..<5).map { "fleet-\($0)" })
        #expect(fleet.tenancy.deployments.map(\.project) == fleet.world.projects.map(\.name))
        #expect(fleet.tenancy.tenants.map(\.code) == ["t0", "t1", "t2"])
        #expect(fleet.tenancy.deployments.map(\.tenant) == ["t0", "t1", "t2", "t0", "t1"])
        let subscriptions = fleet.timeline.compactMap { event -> SubscriptionSpec? in
            guard case .subscribe(let spec) = event.action else { return nil }
            #expect(event.at == fleet.clock.start)
            return spec
        }
        #expect(subscriptions.map(\.deployment) == fleet.tenancy.deployments.map(\.code))
        #expect(subscriptions.allSatisfy { spec in book.plans.contains { $0.code == spec.plan } })
        #expect(fleet.metering.policies == [.dropletHours: MeteringPolicy(granularity: .hourly)])
        #expect(fleet.priceBooks.map(\.book) == [book])
        #expect(try FleetScenario.make(droplets: 40, days: 3, churnPerDay: 2, seed: 7, revenue: revenue) == fleet)
    }
}
