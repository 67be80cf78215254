import ArcadiaCore
import Foundation

/// `arcadia play`: a scenario run for the quick what-if, without goldens. It returns what
/// happened as a report: the tenant invoices rendered as the goldens render them, DigitalOcean's
/// invoices with their match rates, the drift, cost against revenue per deployment, and the
/// scenario's own expectations.
public enum ScenarioPlay {
    public struct Report: Sendable {
        public var text: String
        /// The expectations all held (a scenario without any passes).
        public var passed: Bool
    }

    /// `ledgerPath` keeps the run's ledger there (made on this process's scratch file and linked or
    /// copied into place, as `run --db`: `LedgerOutput`).
    public static func play(_ scenario: Scenario, ledgerPath: String? = nil) async throws -> Report {
        let output = try ledgerPath.map(LedgerOutput.init(target:))
        let result: Simulator.Result, files: [LedgerFile], expectations: [ExpectationResult], margin: [MarginQuery.Row]
        do {
            result = try await Simulator(options: Simulator.Options(ledgerPath: try output?.prepare())).run(scenario)
            files = try LedgerExport.export(result.ledger)
            expectations = try await ExpectationCheck.evaluate(scenario.expectations, ledger: result.ledger)
            margin = try await MarginQuery(by: .deployment).fetch(in: result.ledger)
            // Committing closes the ledger: everything is read from it first.
            try output?.commit(result.ledger)
        } catch {
            output?.discard()
            throw error
        }
        var out = "Played \(scenario.name): \(scenario.clock.start) ..< \(scenario.clock.end), seed \(scenario.seed)\n"
        let warnings = messages(result.summary)
        if !warnings.isEmpty { out += section("Messages", warnings) }
        let invoices = files.filter { $0.name.hasPrefix("tenant_invoices/") }
        out += section("Tenant invoices", invoices.isEmpty ? "none\n" : invoices.map(\.content).joined(separator: "\n"))
        out += section("DigitalOcean invoices", table(files, "match_report.tsv", columns: ["period", "lines", "matched", "match_rate",
                                                                                            "line_sum_cents", "amount_cents", "reconciliation"]))
        out += section("Drift", table(files, "drift.tsv", columns: ["opened_at", "kind", "name", "field", "status", "desired", "live", "closed_at"]))
        out += section("Cost against revenue per deployment", margin.isEmpty ? "none\n" : try MarginRendering.table(margin, by: .deployment))
        if !expectations.isEmpty {
            out += section("Expectations", expectations.map { result in
                "\(result.passed ? "PASS" : "FAIL")  \(result.title) (\(result.spec.location?.description ?? "expect"))\n"
                    + (result.passed ? "" : result.sideBySide.split(separator: "\n").map { "      \($0)\n" }.joined())
            }.joined())
        }
        return Report(text: out, passed: expectations.allSatisfy(\.passed))
    }

    /// What the run could not do, which the tables below would otherwise leave out without a word:
    /// each rollup refusal or failure, and each job's failures (a job failing every hour, once with
    /// its count and its first error).
    public static func messages(_ summary: RunSummary) -> String {
        var failures: [(job: Substring, first: String, count: Int)] = []
        for failure in summary.syncFailures {
            let job = failure.prefix { $0 != ":" }
            if let index = failures.firstIndex(where: { $0.job == job }) {
                failures[index].count += 1
            } else {
                failures.append((job, failure, 1))
            }
        }
        return summary.revenue.messages.map { "revenue: \($0)\n" }.joined()
            + failures.map { $0.count == 1 ? "\($0.first)\n" : "\($0.first) (and \($0.count - 1) more failures of \($0.job))\n" }.joined()
    }

    private static func section(_ title: String, _ body: String) -> String {
        "\n\(title)\n\(String(repeating: "-", count: title.count))\n\(body)"
    }

    /// Some columns of an exported ledger file, aligned; `none` when it has no rows.
    private static func table(_ files: [LedgerFile], _ name: String, columns: [String]) -> String {
        let lines = (files.first { $0.name == name }?.content ?? "").split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, lines.count > 1 else { return "none\n" }
        let indices = columns.compactMap { header.firstIndex(of: $0) }
        return ReportTable.aligned(lines.map { row in indices.map { $0 < row.count ? row[$0] : "" } }, textColumns: indices.count)
    }
}
