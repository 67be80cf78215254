import ArcadiaCore
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Workbench
import WorkbenchTestSupport

/// `arcadia capture`'s engine: the file is written only when the scenario it holds reproduces the
/// invoice; otherwise nothing is written and the refusal lists what differs.
struct ScenarioCaptureWriteTests {
    @Test func aReproducingCaptureIsWrittenAndReadsBack() async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger())
        let out = try RepoPaths.temporaryDirectory("capture").appendingPathComponent("globex.yaml").path
        let captured = try await ScenarioCapture.write(tenant: "globex", period: BillingPeriod("2026-04")!, from: ledger,
                                                       to: try NewFileOutput(target: out, option: "--out"))
        let scenario = try ScenarioParser.load(path: out)
        #expect(scenario.withoutLocations() == captured.scenario.withoutLocations())
        #expect(scenario.timeline.map { "\($0.at) \($0.action.kind.rawValue)" } == ["2026-04-11T09:00:00Z subscribe"],
                "globex subscribed at 09:00 on the 11th; its droplet is in the world")
        #expect(scenario.expectations.count == 2)
        #expect(scenario.name == "globex", "named after its file, so its goldens are goldens/globex/")
    }

    /// An invoice the code got wrong (here, line 2 edited in the ledger) is what a capture exists
    /// for: the replay disagrees, and the refusal shows the ledger's line beside the replay's.
    @Test func anInvoiceTheReplayDoesNotReproduceIsRefusedWithTheDifference() async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger())
        try await ledger.writer.write { db in
            try db.execute(sql: """
                UPDATE tenant_invoice_lines SET amount_cents = 800
                WHERE line_no = 2 AND invoice_id = (SELECT i.id FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id WHERE t.code = 'acme')
                """)
            // And one day of api-4 metered 10 h short: the refusal names the resource the replay meters otherwise.
            try db.execute(sql: """
                UPDATE usage_records SET quantity = '8' WHERE billing_kind = 'droplet_hours' AND period_start = '2026-04-10T00:00:00Z'
                  AND resource_id = (SELECT id FROM cloud_resources WHERE name = 'api-4')
                """)
        }
        let out = try RepoPaths.temporaryDirectory("capture").appendingPathComponent("acme.yaml").path
        do {
            _ = try await ScenarioCapture.write(tenant: "acme", period: BillingPeriod("2026-04")!, from: ledger,
                                                to: try NewFileOutput(target: out, option: "--out"))
            Issue.record("the capture should be refused")
        } catch let refusal as ScenarioCapture.Refusal {
            #expect(refusal.description.contains("does not reproduce acme's invoice for 2026-04, so nothing was written"))
            #expect(refusal.description.contains("\n- line 2 overage acme-api Overage: droplet_hours (2874 used, 2232 included): 642 x 0.011 = 8.00"))
            #expect(refusal.description.contains("\n+ line 2 overage acme-api Overage: droplet_hours (2874 used, 2232 included): 642 x 0.011 = 7.06"))
            #expect(refusal.description.hasSuffix("\nusage by resource (- ledger, + replay):\n- droplet api-4 droplet_hours 704\n+ droplet api-4 droplet_hours 714"),
                    "\(refusal.description)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A file name longer than a scenario name may be is no scenario name: the capture falls back
    /// to `capture-<tenant>-<period>`, as `--out`'s help says, instead of failing its own replay.
    @Test func aFileNameTooLongForAScenarioNameFallsBack() async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger())
        let out = try RepoPaths.temporaryDirectory("capture").appendingPathComponent(String(repeating: "a", count: 110) + ".yaml").path
        let captured = try await ScenarioCapture.write(tenant: "globex", period: BillingPeriod("2026-04")!, from: ledger,
                                                       to: try NewFileOutput(target: out, option: "--out"))
        #expect(captured.scenario.name == "capture-globex-2026-04")
        #expect(try ScenarioParser.load(path: out).name == "capture-globex-2026-04")
    }

    @Test func aTenantWithoutAnInvoiceThatMonthIsRefused() async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger())
        await #expect(throws: ScenarioCapture.Refusal.self) {
            try await ScenarioCapture.capture(tenant: "acme", period: BillingPeriod("2026-05")!, from: ledger)
        }
    }
}
