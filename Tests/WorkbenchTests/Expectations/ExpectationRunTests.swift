import Foundation
import Testing
import TestSupport
import Workbench
import WorkbenchTestSupport

/// Expectations checked after a real run of the shipped revenue scenario: each is a JUnit case
/// named with its file and line, and a wrong one fails the run with expected beside actual.
@Suite struct ExpectationRunTests {
    let root = RepoPaths.root()

    /// revenue-month-end as shipped, its goldens compared as usual, with `extra` items appended to
    /// its `expect:` list, in a scratch repository (`.git`) holding its price book at the same
    /// relative path.
    func run(extra: String) async throws -> (report: RunReport, path: String) {
        let text = try String(contentsOfFile: ScenarioFixtures.shippedPath("revenue-month-end"), encoding: .utf8)
        let directory = try RepoPaths.temporaryDirectory("expectations")
        for folder in [".git", "scenarios", "pricebooks"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(at: root.appendingPathComponent("pricebooks/standard-2026.yaml"),
                                         to: directory.appendingPathComponent("pricebooks/standard-2026.yaml"))
        let path = try ScenarioFixtures.write(text + extra, to: directory.appendingPathComponent("scenarios"), as: "revenue-month-end.yaml")
        let runner = ScenarioRunner(options: .init(goldensRoot: root.appendingPathComponent("goldens").path))
        return (await runner.run(files: [path], checkOrphans: false), path)
    }

    @Test func theShippedExpectationsPassAndEachIsAJUnitCaseAtItsLine() async throws {
        let (report, path) = try await run(extra: "")
        let outcome = report.outcomes[0]
        #expect(report.passed, "\(ConsoleReport.render(report))")
        #expect(outcome.expectations.count == 7 && outcome.expectations.allSatisfy(\.passed))
        let cases = JUnitBuilder.report(for: report).suites[0].cases.filter { $0.name.hasPrefix("expect ") }
        #expect(cases.count == 7)
        #expect(cases.first?.name == "expect tenant_invoice acme 2026-04 (\(path):54:5)")
    }

    @Test func aWrongFigureFailsWithExpectedBesideActual() async throws {
        let extra = """
              - tenant_invoice: {tenant: acme, period: 2026-04, status: paid, total: 154.70}
              - do_invoice: {period: 2026-04, total: 108.00, match_rate: 100.0%}
              - resource: {kind: droplet, name: api-4, status: active}
              - open_drifts: {count: 1}
              - invoice_line: {tenant: globex, period: 2026-04, line: 2, amount: 1.00}

            """
        let (report, path) = try await run(extra: extra)
        let results = report.outcomes[0].expectations
        #expect(!report.passed)
        #expect(results.map(\.passed) == [true, true, true, true, true, true, true, false, true, true, false, false])
        let total = results[7]
        #expect(total.figures.map { [$0.name, $0.expected, $0.actual ?? "-"] } == [["status", "paid", "paid"], ["total", "154.70", "154.07"]])
        #expect(total.sideBySide == """
            figure  expected  actual
            status      paid    paid
            total     154.70  154.07  <- differs

            """)
        #expect(results[10].figures.first?.actual == "0")
        #expect(results[11].note == "the invoice of globex for 2026-04 has no line 2 (its lines: 1 to 1)")
        let console = ConsoleReport.render(report)
        #expect(console.contains("      \(path):61:5: tenant_invoice acme 2026-04 is not as expected:\n        figure  expected  actual\n"), "\(console)")
        // An update rewrites goldens, not the scenario's own expect:, and fails the run for it: it
        // used to count the failure ("0 passed, 1 failed") without saying which expectation.
        var updated = report
        updated.updatedGoldens = true
        let updateConsole = ConsoleReport.render(updated)
        #expect(updateConsole.contains(": goldens unchanged") || updateConsole.contains(": updated "))
        #expect(updateConsole.contains("      \(path):61:5: tenant_invoice acme 2026-04 is not as expected:\n        figure  expected  actual\n"),
                "\(updateConsole)")
        let junit = JUnitBuilder.report(for: report)
        let failed = junit.suites[0].cases.first { $0.name == "expect tenant_invoice acme 2026-04 (\(path):61:5)" }
        guard case .failed(let message, let body)? = failed?.outcome else {
            Issue.record("expected a failed case, got \(String(describing: failed))")
            return
        }
        #expect(message == "\(path):61:5: expected tenant_invoice acme 2026-04 differs")
        #expect(body == total.sideBySide)
        #expect(junit.failureCount == 3)
        #expect(GitHubAnnotations.render(report).contains("line=61,col=5::tenant_invoice acme 2026-04 is not as expected"))
    }
}
