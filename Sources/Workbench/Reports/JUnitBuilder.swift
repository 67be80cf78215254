import Foundation

/// Maps a run onto JUnit: one suite per scenario (its `file` the scenario, its class name always
/// `scenario.<name>`), a `scenario runs` case carrying the time spent playing it, one case per ledger
/// compared (the cell summary and the unified diff in the failure body), and a `goldens` suite with
/// one failing case per orphaned golden folder. The run's warnings go to the suite's `system-out`.
public enum JUnitBuilder {
    public static func report(for run: RunReport) -> JUnitReport {
        var suites = run.outcomes.map(suite)
        if !run.orphanGoldens.isEmpty {
            suites.append(JUnitSuite(name: "goldens", cases: run.orphanGoldens.map { orphan in
                JUnitCase(name: run.orphanPath(orphan), className: "goldens",
                          outcome: .failed(message: "golden folder belongs to no scenario that ran",
                                           body: "\(run.orphanPath(orphan)) has no scenario; delete it or restore its scenario"))
            }))
        }
        return JUnitReport(name: "arcadia run", suites: suites)
    }

    private static func suite(_ outcome: ScenarioOutcome) -> JUnitSuite {
        let name = outcome.duplicateLabel ?? outcome.name ?? ((outcome.file as NSString).lastPathComponent as NSString).deletingPathExtension
        let className = "scenario.\(name)"
        var cases: [JUnitCase] = []
        let playSeconds = max(0, outcome.seconds - outcome.goldenSeconds)
        switch outcome.failure {
        case .invalid(let error)?:
            cases.append(JUnitCase(name: "scenario is valid", className: className, timeSeconds: outcome.seconds,
                                   outcome: .failed(message: error.description, body: error.description)))
        case let failure?:
            cases.append(JUnitCase(name: "scenario runs", className: className, timeSeconds: outcome.seconds,
                                   outcome: .error(message: failure.description, body: failure.description)))
        case nil:
            cases.append(JUnitCase(name: "scenario runs", className: className, timeSeconds: playSeconds, outcome: .passed))
            // Comparing is timed as a whole; each ledger's case gets an equal share of it.
            let ledgers = outcome.comparisons.count + outcome.updatedGoldens.count + outcome.removedGoldens.count
            let share = ledgers == 0 ? 0 : outcome.goldenSeconds / Double(ledgers)
            cases += outcome.comparisons.map { comparison in
                JUnitCase(name: "ledger \(comparison.file)", className: className, timeSeconds: share, outcome: caseOutcome(comparison))
            }
            cases += outcome.updatedGoldens.map { file in
                JUnitCase(name: "ledger \(file)", className: className, timeSeconds: share,
                          outcome: .skipped(message: "golden rewritten (--update-goldens)"))
            }
            cases += outcome.removedGoldens.map { file in
                JUnitCase(name: "ledger \(file)", className: className, timeSeconds: share,
                          outcome: .skipped(message: "golden removed (--update-goldens): the scenario no longer produces it"))
            }
            cases += outcome.expectations.map { expectation($0, className: className) }
        }
        return JUnitSuite(name: name, file: outcome.file, cases: cases, timeSeconds: outcome.seconds,
                          systemOut: outcome.summary.map(summaryText))
    }

    /// A `<testcase>` has no file or line attribute, so the case's name carries where the
    /// expectation was written, and a failure's message starts with it as compilers write it.
    private static func expectation(_ result: ExpectationResult, className: String) -> JUnitCase {
        let location = result.spec.location?.description ?? "expect"
        let outcome: JUnitCase.Outcome = result.passed ? .passed
            : .failed(message: "\(location): expected \(result.title) differs", body: result.sideBySide)
        return JUnitCase(name: "expect \(result.title) (\(location))", className: className, outcome: outcome)
    }

    private static func caseOutcome(_ comparison: GoldenStore.Comparison) -> JUnitCase.Outcome {
        switch comparison {
        case .match: return .passed
        case .mismatch(let mismatch):
            return .failed(message: mismatch.headline, body: CellDiff.render(mismatch.cells) + "\n" + mismatch.diff)
        case .missingGolden(let file):
            return .failed(message: "\(file) has no golden", body: "run `arcadia run <scenario> --update-goldens`, read the result, and commit it")
        case .unexpectedGolden(let file):
            return .failed(message: "\(file) is a golden this scenario no longer produces", body: "delete it, or restore the ledger that produced it")
        }
    }

    private static func summaryText(_ summary: RunSummary) -> String {
        let warnings = summary.syncFailures.map { "warning: \($0)\n" }.joined() + summary.revenue.messages.map { "warning: \($0)\n" }.joined()
        return """
        timeline events: \(summary.timelineEvents)
        worker runs: \(summary.jobRuns) (\(summary.jobRunsElided) elided)
        failures: \(summary.syncFailures.count)
        retries: \(summary.retries) (\(summary.retryWaitSeconds) s of waits)
        resources created: \(summary.resourcesCreated), changed: \(summary.resourcesChanged), stale: \(summary.resourcesStale)

        """ + warnings
    }
}
