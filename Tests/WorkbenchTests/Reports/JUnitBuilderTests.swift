import Testing
@testable import Workbench

struct JUnitBuilderTests {
    static let invalid = ScenarioOutcome(
        file: "scenarios/broken.yaml", name: nil,
        failure: .invalid(ScenarioError(location: ScenarioLocation(file: "scenarios/broken.yaml", line: 3, column: 8), field: "clock.end",
                                        message: "must be after clock.start")),
        comparisons: [], updatedGoldens: [], summary: nil, seconds: 0.5)

    static var mismatched: ScenarioOutcome {
        var summary = RunSummary()
        summary.syncFailures = ["sync.droplets: 503 on page 2"]
        summary.revenue.messages = ["2026-02: no price book is in effect on 2026-02-01"]
        let change = CellDiff.Change(file: "cost_lines.tsv", line: 2, key: "2026-04 · web-1",
                                     kind: .changed([.init(column: "amount_cents", old: "226", new: "333")]))
        let mismatch = GoldenStore.Mismatch(file: "cost_lines.tsv", goldenPath: "goldens/month/cost_lines.tsv", cells: [change],
                                            diff: "--- a\n+++ b\n")
        var outcome = ScenarioOutcome(file: "scenarios/month.yaml", name: "month", failure: nil,
                                      comparisons: [.match(file: "inventory.tsv"), .mismatch(mismatch)], updatedGoldens: [],
                                      summary: summary, seconds: 3)
        outcome.goldenSeconds = 1
        return outcome
    }

    @Test func anInvalidScenarioIsClassedByItsFileNameNotItsPath() {
        let suite = JUnitBuilder.report(for: RunReport(outcomes: [Self.invalid], orphanGoldens: [], updatedGoldens: false)).suites[0]
        #expect(suite.cases.map(\.className) == ["scenario.broken"])
        #expect(suite.file == "scenarios/broken.yaml")
        #expect(suite.cases[0].timeSeconds == 0.5)
    }

    @Test func everyCaseCarriesATimeAndWarningsReachSystemOut() {
        let suite = JUnitBuilder.report(for: RunReport(outcomes: [Self.mismatched], orphanGoldens: [], updatedGoldens: false)).suites[0]
        #expect(suite.cases.map(\.name) == ["scenario runs", "ledger inventory.tsv", "ledger cost_lines.tsv"])
        #expect(suite.cases.map(\.timeSeconds) == [2, 0.5, 0.5])
        #expect(Set(suite.cases.map(\.className)) == ["scenario.month"])
        #expect(suite.systemOut?.contains("warning: sync.droplets: 503 on page 2\n") == true)
        #expect(suite.systemOut?.contains("warning: 2026-02: no price book is in effect on 2026-02-01\n") == true)
        guard case .failed(let message, let body) = suite.cases[2].outcome else {
            Issue.record("the mismatch is a failure")
            return
        }
        #expect(message == "goldens/month/cost_lines.tsv:2: 2026-04 · web-1: amount_cents 226 → 333")
        #expect(body.hasPrefix("cost_lines.tsv:2 2026-04 · web-1: amount_cents 226 → 333\n\n--- a\n"))
    }

    @Test func githubAnnotationsPointAtTheScenarioLineAndTheGoldenLine() {
        let text = GitHubAnnotations.render(RunReport(outcomes: [Self.invalid, Self.mismatched], orphanGoldens: ["old"], updatedGoldens: false))
        #expect(text == """
            ::error file=scenarios/broken.yaml,line=3,col=8::clock.end: must be after clock.start
            ::error file=goldens/month/cost_lines.tsv,line=2::cost_lines.tsv differs from its golden%0Acost_lines.tsv:2 2026-04 · web-1: amount_cents 226 → 333%0A
            ::error file=goldens/old::golden folder belongs to no scenario that ran

            """)
    }

    @Test func workflowCommandEscapingFollowsGitHub() {
        #expect(GitHubAnnotations.escapeData("50%\r\nnext") == "50%25%0D%0Anext")
        #expect(GitHubAnnotations.escapeProperty("a:b,c") == "a%3Ab%2Cc")
    }
}

/// An update that removes a golden the scenario no longer produces says "removed": it used to
/// list it among the files "updated".
struct RemovedGoldenReportTests {
    @Test func aRemovedGoldenIsSaidRemovedInTheConsoleAndJUnit() {
        var outcome = ScenarioOutcome(file: "scenarios/s.yaml", name: "s", failure: nil, comparisons: [], updatedGoldens: ["drift.tsv"],
                                      summary: nil, seconds: 0)
        outcome.removedGoldens = ["extra.tsv"]
        let report = RunReport(outcomes: [outcome], orphanGoldens: [], updatedGoldens: true)
        #expect(ConsoleReport.render(report).hasPrefix("UPDATE s: updated drift.tsv; removed extra.tsv\n"))
        let cases = JUnitBuilder.report(for: report).suites[0].cases
        #expect(cases.last?.outcome == .skipped(message: "golden removed (--update-goldens): the scenario no longer produces it"))
    }
}

/// Under `--update-goldens` a scenario that fails (an invalid file here) was shown as "UPDATED" on
/// the page, which then could not say which scenarios its title counted as failed.
struct UpdateVerdictTests {
    @Test func aScenarioThatFailsDuringAnUpdateIsAFailureOnThePageAndTheConsole() {
        let updated = ScenarioOutcome(file: "scenarios/s.yaml", name: "s", failure: nil, comparisons: [], updatedGoldens: ["drift.tsv"],
                                      summary: nil, seconds: 0)
        let report = RunReport(outcomes: [JUnitBuilderTests.invalid, updated], orphanGoldens: [], updatedGoldens: true)
        let page = HTMLReport.render(report)
        #expect(page.contains(#"<h2 id="s1-h"><span class="verdict">FAIL</span>scenarios/broken.yaml</h2>"#), "\(page)")
        #expect(page.contains(#"<h2 id="s2-h"><span class="verdict">UPDATED</span>s</h2>"#))
        let console = ConsoleReport.render(report)
        #expect(console.contains("FAIL  scenarios/broken.yaml\n"))
        #expect(console.contains("UPDATE s: updated drift.tsv\n"))
    }
}
