import ArcadiaCore
import Foundation
import Testing
import TestSupport
import Workbench

/// `docs/discrepancies.md`'s worked example stays true: its scenario plays, its expectations hold,
/// and the capture of its invoice replays to the cent.
struct WorkedExampleTests {
    static let path = RepoPaths.root().appendingPathComponent("docs/examples/destroyed-between-syncs.yaml").path

    @Test func theExamplePlaysAndItsExpectationsHold() async throws {
        let scenario = try ScenarioParser.load(path: Self.path)
        let report = try await ScenarioPlay.play(scenario)
        #expect(report.passed, "\(report.text)")
        #expect(report.text.contains("\nTenant invoices\n---------------\nTenant invoice initech 2026-04\n"), "\(report.text)")
        #expect(report.text.contains("PASS  resource droplet batch-1 ("))
        #expect(report.text.contains("\nCost against revenue per deployment\n"))
    }

    /// As the doc does it: `arcadia play --db` keeps the ledger, from which the invoice is
    /// explained and captured.
    @Test func itsKeptLedgerExplainsAndCapturesAndReplays() async throws {
        let scenario = try ScenarioParser.load(path: Self.path)
        let file = try RepoPaths.temporaryDirectory("worked-example").appendingPathComponent("initech.sqlite").path
        _ = try await ScenarioPlay.play(scenario, ledgerPath: file)
        let ledger = try Ledger(path: file)
        let explanation = try await ledger.writer.read { db in
            try InvoiceExplainer.invoiceID(tenant: "initech", period: BillingPeriod("2026-04")!, db)
                .flatMap { try InvoiceExplainer.explain(invoiceID: $0, scope: .platform, db) }
        }
        let text = try #require(explanation).text
        #expect(text.contains("    droplet batch-1 (") && text.contains("): 470.25 in 20 records\n"), "\(text)")
        #expect(text.contains("      2026-04-20T00:00:00Z ..< 2026-04-21T00:00:00Z  1 x 14.25 daily\n"))
        #expect(text.contains("      2026-04-20T14:45:00Z  stale missing_since: - -> 2026-04-20T14:15:00Z\n"))
        let captured = try await ScenarioCapture.capture(tenant: "initech", period: BillingPeriod("2026-04")!, from: ledger)
        let yaml = ScenarioWriter.yaml(captured.scenario)
        #expect(yaml.contains("  - at: 2026-04-20T14:15:00Z\n    destroy_droplet: {name: batch-1}\n"), "\(yaml)")
        #expect(try await ScenarioCapture.verify(captured, yaml: yaml, file: "capture.yaml").isEmpty)
    }
}
