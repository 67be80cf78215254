import ArcadiaCore
import MoneyAndTime
import Testing
@testable import Workbench
import WorkbenchTestSupport

/// A capture of a ledger the production service wrote: `JobScheduler` against the fake in virtual
/// time (`ServiceSchedule`, the production table's inventory and invoicing jobs), started at 00:07:13 on April 1 and stopped for four and a half hours
/// on April 12, so the syncs at its start and restart fall off the simulator's quarter-hours, and
/// a droplet created and one destroyed while it was down are first observed at the restart (the
/// destroyed one missing from the first listing missed).
@Suite(.timeLimit(.minutes(10))) struct ServiceLedgerCaptureTests {
    static let started = Timestamp(year: 2026, month: 4, day: 1, hour: 0, minute: 7, second: 13)
    static let stopped = Timestamp(year: 2026, month: 4, day: 12, hour: 9, minute: 20)
    static let restarted = Timestamp(year: 2026, month: 4, day: 12, hour: 13, minute: 47, second: 29)

    /// revenue-month-end's April (acme's invoice), up to the May 1 rollup and issue, with api-5
    /// created at 10:03 and api-3 destroyed at 11:00 on April 12, while the service is down.
    static func serviceLedger() async throws -> Ledger {
        var scenario = try ScenarioFixtures.shipped("revenue-month-end")
        scenario.clock.end = Timestamp(year: 2026, month: 5, day: 1, hour: 4)
        scenario.timeline.removeAll { $0.at >= scenario.clock.end }
        scenario.timeline += [
            TimelineEvent(at: Timestamp(year: 2026, month: 4, day: 12, hour: 10, minute: 3),
                          action: .createDroplet(DropletSpec(name: "api-5", size: "s-2vcpu-4gb", region: "syd1", project: "acme-api"))),
            TimelineEvent(at: Timestamp(year: 2026, month: 4, day: 12, hour: 11), action: .destroyDroplet(name: "api-3")),
        ]
        scenario.timeline = scenario.timeline.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        // The jobs an invoice depends on (a month of the whole table, unelided, is too slow for the shared machine).
        let invoicing: Set<JobID> = [.syncDroplets, .syncDomains, .syncProjects, .revenueMetering, .revenueRollup, .revenueIssue]
        let (ledger, runs) = try await ServiceSchedule.run(scenario, upTimes: [ClockRange(start: started, end: stopped),
                                                                               ClockRange(start: restarted, end: scenario.clock.end)],
                                                           table: JobTable.production.filter { invoicing.contains($0.job) })
        let syncs = runs.filter { $0.job == .syncDroplets }.map(\.scheduledAt)
        #expect(syncs.first == started && syncs.contains(restarted), "the service's syncs at start and restart are off the quarter-hours")
        #expect(!syncs.contains { $0 > stopped && $0 < restarted })
        return ledger
    }

    @Test func aCaptureOfTheServicesLedgerReplaysItsSyncsAndReproducesTheInvoice() async throws {
        let ledger = try await Self.serviceLedger()
        let captured = try await ScenarioCapture.capture(tenant: "acme", period: BillingPeriod("2026-04")!, from: ledger)
        #expect(captured.invoice.status == .issued)
        let yaml = ScenarioWriter.yaml(captured.scenario)
        // Everything was first seen at the service's first sync, the droplets and the zone; the
        // restart's sync first saw api-5 and first missed api-3, which counts as missing from the
        // first listing the stopped service missed, 09:30 (its downtime is a listing outage).
        #expect(captured.scenario.world.droplets.isEmpty)
        #expect(yaml.contains("""
              - at: 2026-04-01T00:07:13Z
                run_job: {job: sync.droplets}
              - at: 2026-04-01T00:07:13Z
                run_job: {job: sync.domains}
              - at: 2026-04-01T00:07:13Z
                run_job: {job: sync.projects}

            """), "\(yaml)")
        #expect(yaml.contains("  - at: 2026-04-12T09:30:00Z\n    destroy_droplet: {name: api-3}\n"), "\(yaml)")
        #expect(yaml.contains("  - at: 2026-04-12T13:47:29Z\n    create_droplet: {name: api-5, "), "\(yaml)")
        #expect(yaml.contains("  - at: 2026-04-12T13:47:29Z\n    run_job: {job: sync.droplets}\n"))
        #expect(!yaml.contains("T12:00:00Z\n    run_job"), "a sync on the table's grid needs no run_job")
        let differences = try await ScenarioCapture.verify(captured, yaml: yaml, file: "service-capture.yaml")
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))\n\(yaml)")

        // Without the service's own sync instants the replay observes on the quarter-hours, and
        // bills other hours: the capture would refuse.
        var onTheGrid = captured
        onTheGrid.scenario.timeline.removeAll { if case .runJob = $0.action { true } else { false } }
        let differing = try await ScenarioCapture.verify(onTheGrid, yaml: ScenarioWriter.yaml(onTheGrid.scenario), file: "grid.yaml")
        #expect(differing.contains { $0.hasPrefix("- line 2 overage acme-api") }, "\(differing)")
    }

    /// A discrepancy audit's service ledger: the catch-up after a restart listed the droplets at
    /// 00:09:48 and, the runs being one at a time, the projects only at 03:09:03, so until then the
    /// droplet was in no project and metered to nobody. The capture created it in its project at
    /// 00:09:48, the replay's 00:15 projects sync attributed it, and 2.9 h more were billed: capture
    /// refused the month. It is now created in no project and moved where the ledger saw it moved.
    @Test func aProjectAttributedAfterTheDropletWasFirstSeenIsAMoveThen() throws {
        let seen = Timestamp(year: 2026, month: 2, day: 1, hour: 0, minute: 9, second: 48)
        let attributed = Timestamp(year: 2026, month: 2, day: 1, hour: 3, minute: 9, second: 3)
        var world = CapturedWorld(clock: ClockRange(start: Timestamp(year: 2026, month: 2, day: 1), end: Timestamp(year: 2026, month: 3, day: 1)))
        let droplet = CloudResource(id: 1, kind: .droplet, providerID: "7", name: "app-1", status: "active", region: "syd1",
                                    sizeSlug: "s-1vcpu-1gb", projectID: 1, firstSeenAt: seen, lastChangedAt: attributed)
        try world.add(droplet, project: "svc-app", events: [
            ResourceEvent(resourceID: 1, at: seen, event: .created, newValue: "app-1"),
            ResourceEvent(resourceID: 1, at: attributed, event: .attributed, field: "project", newValue: "svc-app"),
        ])
        #expect(world.timeline.map { "\($0.at) \($0.action)" } == [
            "\(seen) \(ScenarioAction.createDroplet(DropletSpec(name: "app-1", size: "s-1vcpu-1gb", region: "syd1")))",
            "\(attributed) \(ScenarioAction.moveToProject(resource: .droplet("app-1"), project: "svc-app"))",
        ])
        #expect(ScenarioCapture.offTableSyncs(world.syncs).map { "\($0.at) \($0.action)" }
                == ["\(seen) \(ScenarioAction.runJob(.syncDroplets))", "\(attributed) \(ScenarioAction.runJob(.syncProjects))"])

        // Attributed by the projects sync of the same instant (the table's quarter-hours): created there.
        var atOnce = CapturedWorld(clock: world.clock)
        try atOnce.add(droplet, project: "svc-app", events: [
            ResourceEvent(resourceID: 1, at: seen, event: .created, newValue: "app-1"),
            ResourceEvent(resourceID: 1, at: seen, event: .attributed, field: "project", newValue: "svc-app"),
        ])
        #expect(atOnce.timeline.map(\.action) == [.createDroplet(DropletSpec(name: "app-1", size: "s-1vcpu-1gb", region: "syd1", project: "svc-app"))])
    }
}
