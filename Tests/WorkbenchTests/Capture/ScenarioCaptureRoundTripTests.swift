import ArcadiaCore
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Workbench
import WorkbenchTestSupport

/// The capture's proof: every tenant-month invoiced by a shipped scenario (as its golden
/// `tenant_invoices.tsv` lists them, void invoices aside) captures from the ledger the scenario
/// leaves, and the captured scenario, written and read back, replays to the same invoice to the cent.
@Suite(.timeLimit(.minutes(10))) struct ScenarioCaptureRoundTripTests {
    /// `(scenario, tenant, period)` for every invoice that is not void in the shipped goldens.
    static func invoicedMonths() throws -> [(scenario: String, tenant: String, period: String)] {
        var months: [(scenario: String, tenant: String, period: String)] = []
        for name in ScenarioFixtures.shippedNames {
            let golden = RepoPaths.root().appendingPathComponent("goldens/\(name)/tenant_invoices.tsv").path
            let rows = try String(contentsOfFile: golden, encoding: .utf8).split(separator: "\n").dropFirst()
            for row in rows {
                let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                if cells[2] != "void", !months.contains(where: { $0 == (name, cells[1], cells[0]) }) { months.append((name, cells[1], cells[0])) }
            }
        }
        return months
    }

    @Test func everyInvoicedTenantMonthReplaysToTheCent() async throws {
        let months = try Self.invoicedMonths()
        #expect(months.map { "\($0.scenario) \($0.tenant) \($0.period)" }.contains("revenue-month-end acme 2026-04"))
        #expect(months.count >= 4)
        for month in months {
            let ledger = try Ledger(path: try await ScenarioLedgers.copy(of: month.scenario))
            let period = try #require(BillingPeriod(month.period))
            let captured = try await ScenarioCapture.capture(tenant: month.tenant, period: period, from: ledger)
            let yaml = ScenarioWriter.yaml(captured.scenario)
            let differences = try await ScenarioCapture.verify(captured, yaml: yaml, file: "capture.yaml")
            #expect(differences.isEmpty, "\(month): \(differences.joined(separator: "\n"))\n\(yaml)")
            #expect(captured.scenario.expectations.count == captured.invoice.lines.count + 1)
        }
    }

    @Test func theCaptureOfAMonthWithAPowerOffRebuildsItAtTheObservedTimes() async throws {
        let ledger = try Ledger(path: try await ScenarioLedgers.copy(of: "revenue-month-end"))
        let captured = try await ScenarioCapture.capture(tenant: "acme", period: BillingPeriod("2026-04")!, from: ledger)
        let yaml = ScenarioWriter.yaml(captured.scenario)
        #expect(yaml.contains("  - at: 2026-04-10T12:00:00Z\n    power_off_droplet: {name: api-4}\n"), "\(yaml)")
        #expect(yaml.contains("  - at: 2026-04-10T18:00:00Z\n    power_on_droplet: {name: api-4}\n"))
        #expect(captured.scenario.world.droplets.map(\.name) == ["web-1", "api-1", "api-2", "api-3", "api-4"], "in the order the ledger first saw them")
        #expect(captured.scenario.world.domains.map(\.name) == ["acme.example"])
        #expect(!yaml.contains("globex"), "only the tenant's own deployments and resources")
        #expect(yaml.contains("  - tenant_invoice: {tenant: acme, period: 2026-04, subtotal: 140.06, tax: 14.01, total: 154.07}\n"))
    }

    /// The ledger's metering settings travel with the capture (droplet hours metered hourly and
    /// kept three days, DNS zones kept 400), so the replay meters and prunes as the ledger did.
    @Test func theCaptureCarriesTheLedgersMeteringSettings() async throws {
        let policies: [BillingKind: MeteringPolicy] = [.dropletHours: MeteringPolicy(granularity: .hourly, retentionDays: 3),
                                                       .dnsZones: MeteringPolicy(retentionDays: 400)]
        let ledger = try Ledger(path: try await ScenarioLedgers.copy(of: "revenue-month-end", variant: "short-retention") {
            $0.metering = MeteringSpec(policies: policies)
        })
        let captured = try await ScenarioCapture.capture(tenant: "acme", period: BillingPeriod("2026-04")!, from: ledger)
        #expect(captured.scenario.metering.policies == policies)
        let yaml = ScenarioWriter.yaml(captured.scenario)
        #expect(yaml.contains("metering:\n  dns_zones: {retention_days: 400}\n  droplet_hours: {granularity: hourly, retention_days: 3}\n"), "\(yaml)")
        #expect(try await ScenarioCapture.verify(captured, yaml: yaml, file: "capture.yaml").isEmpty)
    }

    @Test func aDestroyedDropletIsDestroyedSoThatTheSyncsMissItAsTheyDid() async throws {
        // metering-droplet-hours: api-1 destroyed at 16:05 on May 6, first missed at 16:15, stale at 16:45; no invoice (the clock stops before the rollup),
        // so the world is rebuilt for a made-up tenant-month through the same code as a capture.
        var world = CapturedWorld(clock: ClockRange(start: BillingPeriod("2026-05")!.start, end: BillingPeriod("2026-05")!.end))
        let ledger = try Ledger(path: try await ScenarioLedgers.copy(of: "metering-droplet-hours"))
        let (resource, events) = try await ledger.writer.read { db -> (CloudResource?, [ResourceEvent]) in
            let resource = try CloudResource.fetchOne(db, sql: "SELECT * FROM cloud_resources WHERE name = 'api-1'")
            return (resource, try ResourceEvent.fetchAll(db, sql: "SELECT * FROM cloud_resource_events WHERE resource_id = ? ORDER BY at, id",
                                                         arguments: [resource?.id]))
        }
        try world.add(try #require(resource), project: "acme-prod", events: events)
        #expect(world.timeline.map { "\($0.at) \($0.action.kind.rawValue)" }
                == ["2026-05-05T09:45:00Z create_droplet", "2026-05-06T16:15:00Z destroy_droplet"])
        #expect(ScenarioCapture.offTableSyncs(world.syncs).isEmpty, "the simulator's syncs are the table's: no run_job is needed")
    }
}
