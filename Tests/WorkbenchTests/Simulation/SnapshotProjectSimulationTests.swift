import ArcadiaCore
import DigitalOcean
import Testing
import WorkbenchTestSupport
@testable import Workbench

/// Snapshots are project members (issue 15): taken into the default project, moved into a
/// deployment's project by `move_to_project {snapshot: …}`, and from then on metered as
/// `snapshot_gb_month` for that deployment, which no played scenario could do before.
@Suite struct SnapshotProjectSimulationTests {
    static let yaml = """
        scenario: snapshot-metering
        seed: 5
        clock: {start: 2026-05-01T00:00:00Z, end: 2026-05-04T02:00:00Z}
        world:
          projects:
            - {name: acme-prod, environment: Production}
          droplets:
            - {name: web-1, size: s-1vcpu-1gb, region: syd1, project: acme-prod}
        tenants:
          - {code: acme, name: Acme Pty Ltd, country: AU}
        deployments:
          - {code: acme-prod, tenant: acme, name: Acme production, project: acme-prod}
        timeline:
          - at: 2026-05-01T00:00:00Z
            subscribe: {deployment: acme-prod, plan: starter}
          - at: 2026-05-01T06:00:00Z
            take_snapshot: {name: web-1-snap, droplet: web-1}
          - at: 2026-05-02T00:00:00Z
            move_to_project: {snapshot: web-1-snap, project: acme-prod}

        """

    @Test func aSnapshotMovedIntoADeploymentsProjectAccruesSnapshotGBMonth() async throws {
        let scenario = try ScenarioParser.parse(yaml: Self.yaml, file: "snapshot-metering.yaml")
        let result = try await Simulator(options: .init(elideSettledRuns: true)).run(scenario)
        let files = try LedgerExport.export(result.ledger)
        let inventory = try #require(files.first { $0.name == "inventory.tsv" }).content
        let snapshotRow = try #require(inventory.split(separator: "\n").first { $0.hasPrefix("snapshot\tweb-1-snap\t") })
        #expect(snapshotRow.contains("\tacme-prod\t"), "attributed to the project it was moved to: \(snapshotRow)")
        let usage = try #require(files.first { $0.name == "usage.tsv" }).content.split(separator: "\n")
        let snapshotUsage = usage.filter { $0.contains("snapshot_gb_month") }
        #expect(!snapshotUsage.isEmpty, "\(usage.joined(separator: "\n"))")
        #expect(snapshotUsage.allSatisfy { $0.contains("acme-prod") })
        // Columns: tenant, deployment, kind, resource, granularity, period_start, … May 1 it was in
        // the default project, which no deployment holds: nothing accrues before the move.
        #expect(snapshotUsage.map { $0.split(separator: "\t")[5] } == ["2026-05-02T00:00:00Z", "2026-05-03T00:00:00Z"])
        #expect(ScenarioWriter.yaml(scenario).contains("move_to_project: {snapshot: web-1-snap, project: acme-prod}"))
    }
}
