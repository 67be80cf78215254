import Foundation
import Testing
import TestSupport
import Workbench

/// `arcadia play` says what the run could not do: the tables alone left a tenant whose rollup
/// failed out of "Tenant invoices" without a word, and exited 0.
struct ScenarioPlayTests {
    @Test func aRollupThatFailedIsToldUnderMessages() async throws {
        let directory = try RepoPaths.temporaryDirectory("scenario-play")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let root = RepoPaths.root()
        // acme-api's 642 h of overage at $10^20 an hour do not fit in integer cents.
        let book = try String(contentsOf: root.appendingPathComponent("pricebooks/standard-2026.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "overage: 0.011}", with: "overage: 100000000000000000000}")
        try book.write(to: directory.appendingPathComponent("book.yaml"), atomically: true, encoding: .utf8)
        let shipped = try String(contentsOf: root.appendingPathComponent("scenarios/revenue-month-end.yaml"), encoding: .utf8)
        let scenario = String(shipped[..<shipped.range(of: "  - at: 2026-05-05T10:00:00Z")!.lowerBound])
            .replacingOccurrences(of: "../pricebooks/standard-2026.yaml", with: "book.yaml")
        let file = directory.appendingPathComponent("huge-overage.yaml")
        try scenario.write(to: file, atomically: true, encoding: .utf8)

        let report = try await ScenarioPlay.play(ScenarioParser.load(path: file.path))
        let messages = try #require(report.text.range(of: "\nMessages\n--------\n"), "\(report.text)")
        let invoices = try #require(report.text.range(of: "\nTenant invoices\n"))
        #expect(messages.upperBound < invoices.lowerBound, "messages come first")
        #expect(report.text.contains("revenue: 2026-04 acme: failed: deployment acme-api, plan pro"), "\(report.text)")
        #expect(report.text.contains("does not fit in integer cents"), "\(report.text)")
    }

    /// A job that fails every hour is told once, with its count and its first error.
    @Test func aJobsFailuresAreToldOnceWithTheirCount() {
        var summary = RunSummary()
        summary.syncFailures = ["cost.balance: 1 is too much", "sync.droplets: 503", "cost.balance: 2 is too much", "cost.balance: 3 is too much"]
        summary.revenue.messages = ["2026-04 acme: skipped: invoice 1 already exists (draft); force rebuilds a draft"]
        #expect(ScenarioPlay.messages(summary) == """
            revenue: 2026-04 acme: skipped: invoice 1 already exists (draft); force rebuilds a draft
            cost.balance: 1 is too much (and 2 more failures of cost.balance)
            sync.droplets: 503

            """)
        #expect(ScenarioPlay.messages(RunSummary()) == "")
    }
}
