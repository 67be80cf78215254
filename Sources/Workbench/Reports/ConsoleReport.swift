import Foundation

/// The console summary of a run, as text: one line per scenario, each golden diff in full, and a
/// closing `N passed, N failed` line.
public enum ConsoleReport {
    public static func render(_ report: RunReport) -> String {
        var out = ""
        for outcome in report.outcomes {
            let name = outcome.name ?? outcome.file
            if let failure = outcome.failure {
                // The file too: two files may carry one scenario name, and an error in the run names no file.
                out += "FAIL  \(name)" + (outcome.name == nil ? "" : " (\(outcome.file))") + "\n      \(failure.description)\n"
                continue
            }
            let counts = outcome.summary.map { " (\(plural($0.jobRuns, "worker run")), \($0.jobRunsElided) elided, \(plural($0.syncFailures.count, "failure"))\(retryCounts($0))\(driftCounts($0))\(usageCounts($0))\(revenueCounts($0))\(unknownURNTypes($0)))" } ?? ""
            if report.updatedGoldens {
                var changes: [String] = []
                if !outcome.updatedGoldens.isEmpty { changes.append("updated " + outcome.updatedGoldens.joined(separator: ", ")) }
                if !outcome.removedGoldens.isEmpty { changes.append("removed " + outcome.removedGoldens.joined(separator: ", ")) }
                let changed = changes.isEmpty ? "goldens unchanged" : changes.joined(separator: "; ")
                // Goldens rewritten still fail a scenario whose own expectations do not hold.
                out += (outcome.passed ? "UPDATE " : "FAIL   ") + "\(name): \(changed)\(counts)\n" + failedExpectations(outcome)
                continue
            }
            out += (outcome.passed ? "PASS  " : "FAIL  ") + name + counts + "\n"
            out += outcome.summary.map(revenueMessages) ?? ""
            out += failedExpectations(outcome)
            for comparison in outcome.comparisons {
                switch comparison {
                case .match: break
                case .mismatch(let mismatch):
                    out += "      \(mismatch.file) differs from its golden:\n"
                    out += CellDiff.render(mismatch.cells, indent: "        ") + mismatch.diff
                case .missingGolden(let file): out += "      \(file): no golden (run with --update-goldens to create it)\n"
                case .unexpectedGolden(let file): out += "      \(file): golden exists but this scenario no longer produces it\n"
                }
            }
        }
        for orphan in report.orphanGoldens {
            out += "FAIL  \(report.orphanPath(orphan)) belongs to no scenario that ran (delete it, or run its scenario)\n"
        }
        let passed = report.outcomes.filter(\.passed).count
        out += "\(passed) passed, \(report.outcomes.count - passed + report.orphanGoldens.count) failed\n"
        return out
    }

    /// Each expectation that failed, expected beside actual: also under an update, which rewrites
    /// goldens but cannot make a scenario's own `expect:` true, and still fails the run for it.
    private static func failedExpectations(_ outcome: ScenarioOutcome) -> String {
        outcome.expectations.filter { !$0.passed }.map { expectation in
            "      \(expectation.spec.location?.description ?? "expect"): \(expectation.title) is not as expected:\n"
                + expectation.sideBySide.split(separator: "\n").map { "        \($0)\n" }.joined()
        }.joined()
    }

    private static func retryCounts(_ summary: RunSummary) -> String {
        summary.retries == 0 ? "" : ", \(summary.retries == 1 ? "1 retry" : "\(summary.retries) retries") waiting \(summary.retryWaitSeconds) s"
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}
