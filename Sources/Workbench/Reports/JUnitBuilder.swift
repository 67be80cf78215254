/// Maps a run onto JUnit: one suite per scenario (its `file` the scenario), one case per ledger
/// compared (the unified diff in the failure body), one case for a scenario that failed before
/// any ledger existed, and a `goldens` suite with one failing case per orphaned golden folder.
public enum JUnitBuilder {
    public static func report(for run: RunReport) -> JUnitReport {
        var suites = run.outcomes.map(suite)
        if !run.orphanGoldens.isEmpty {
            suites.append(JUnitSuite(name: "goldens", cases: run.orphanGoldens.map { orphan in
                JUnitCase(name: "goldens/\(orphan)/", className: "goldens",
                          outcome: .failed(message: "golden folder belongs to no scenario that ran",
                                           body: "goldens/\(orphan)/ has no scenario; delete it or restore its scenario"))
            }))
        }
        return JUnitReport(name: "arcadia run", suites: suites)
    }

    private static func suite(_ outcome: ScenarioOutcome) -> JUnitSuite {
        let name = outcome.name ?? outcome.file
        let className = "scenario.\(name)"
        var cases: [JUnitCase] = []
        switch outcome.failure {
        case .invalid(let error)?:
            cases.append(JUnitCase(name: "scenario is valid", className: className,
                                   outcome: .failed(message: error.description, body: error.description)))
        case let failure?:
            cases.append(JUnitCase(name: "scenario runs", className: className,
                                   outcome: .error(message: failure.description, body: failure.description)))
        case nil:
            cases += outcome.comparisons.map { comparison in
                JUnitCase(name: "ledger \(comparison.file)", className: className, outcome: caseOutcome(comparison))
            }
            cases += outcome.updatedGoldens.map { file in
                JUnitCase(name: "ledger \(file)", className: className, outcome: .skipped(message: "golden rewritten (--update-goldens)"))
            }
        }
        return JUnitSuite(name: name, file: outcome.file, cases: cases, timeSeconds: outcome.seconds,
                          systemOut: outcome.summary.map(summaryText))
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
        """
        timeline events: \(summary.timelineEvents)
        worker runs: \(summary.jobRuns) (\(summary.jobRunsElided) elided)
        failures: \(summary.syncFailures.count)
        retries: \(summary.retries) (\(summary.retryWaitSeconds) s of waits)
        resources created: \(summary.resourcesCreated), changed: \(summary.resourcesChanged), stale: \(summary.resourcesStale)
        """
    }
}
