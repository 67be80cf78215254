import Mustache
import MoneyAndTime

/// A run as one self-contained HTML page (no script, no network): a summary first, then each
/// scenario with its expectations (pass or fail, expected beside actual), its failing ledgers as
/// table diffs and its charts as inline SVG, each chart with
/// its numbers as a table. Rendered from the Mustache templates in `HTMLTemplates`; the bytes
/// depend only on the run's outcomes (no times, no timings), so two runs give the same page.
public enum HTMLReport {
    public static func render(_ run: RunReport, title: String = "arcadia run") -> String {
        let page = Page(run: run, title: title)
        return library.render(page, withTemplate: "page") ?? ""
    }

    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in HTMLTemplates.all {
            // The templates are constants of this module: one that does not parse is a programming error.
            try! library.register(text, named: name)
        }
        return library
    }()

    /// At most this many changed rows per ledger table; the unified diff below it has them all.
    static let rowLimit = 20

    struct Page {
        var title: String
        var scenarioCount: Int
        var passedCount: Int
        var failedCount: Int
        var allPassed: Bool
        var invoiceCount: Int
        var invoiceTotal: String
        var doCost: String
        var scenarios: [Section]
        var orphans: [String]
        var orphanCount: Int
        var hasOrphans: Bool

        init(run: RunReport, title: String) {
            self.title = title
            scenarioCount = run.outcomes.count
            passedCount = run.outcomes.filter(\.passed).count
            // Scenarios only, so the rows add up; orphaned folders have a row of their own.
            failedCount = scenarioCount - passedCount
            allPassed = run.passed
            let invoices = run.outcomes.flatMap { $0.figures?.tenantInvoices ?? [] }.filter { $0.status != "void" }
            invoiceCount = invoices.count
            invoiceTotal = (try? invoices.map(\.total).sum()).map { Dollars.text($0) } ?? "beyond integer cents"
            doCost = (try? run.outcomes.flatMap { $0.figures?.doCost.map(\.amount) ?? [] }.sum()).map { Dollars.text($0) } ?? "beyond integer cents"
            scenarios = run.outcomes.enumerated().map { Section(outcome: $1, id: "s\($0 + 1)", updated: run.updatedGoldens) }
            orphans = run.orphanGoldens.map(run.orphanPath)
            orphanCount = orphans.count
            hasOrphans = !orphans.isEmpty
        }
    }

    struct Section {
        var id: String
        var name: String
        var file: String
        var passed: Bool
        var verdict: String
        var problem: String?
        var counts: String?
        var messages: [String]
        var hasMessages: Bool
        var ledgers: [LedgerTable]
        var otherFindings: [String]
        var charts: [SVGChart]
        var hasCharts: Bool
        var expectations: [ExpectationRow]
        var hasExpectations: Bool
        var expectationsHeld: String

        init(outcome: ScenarioOutcome, id: String, updated: Bool) {
            self.id = id
            name = outcome.duplicateLabel ?? outcome.name ?? outcome.file
            file = outcome.file
            passed = outcome.passed
            // An update that fails (an expectation, an invalid file, a run that stops) is a failure.
            verdict = !outcome.passed ? "FAIL" : updated ? "UPDATED" : "PASS"
            problem = outcome.failure?.description
            counts = outcome.summary.map { "\($0.timelineEvents) timeline events, \($0.jobRuns) worker runs (\($0.jobRunsElided) elided), \($0.syncFailures.count) listing failures" }
            messages = (outcome.summary?.syncFailures ?? []).map { "\($0)" } + (outcome.summary?.revenue.messages ?? []).map { "\($0)" }
            hasMessages = !messages.isEmpty
            ledgers = outcome.comparisons.enumerated().compactMap { index, comparison in
                guard case .mismatch(let mismatch) = comparison else { return nil }
                return LedgerTable(mismatch: mismatch, id: "\(id)-l\(index + 1)")
            }
            otherFindings = outcome.comparisons.compactMap { comparison in
                switch comparison {
                case .match, .mismatch: nil
                case .missingGolden(let file): "\(file): no golden (run with --update-goldens to create it)"
                case .unexpectedGolden(let file): "\(file): a golden this scenario no longer produces"
                }
            } + outcome.updatedGoldens.map { "\($0): golden rewritten" } + outcome.removedGoldens.map { "\($0): golden removed" }
            charts = outcome.figures.map { HTMLCharts.charts(for: $0, id: id, scenario: outcome.name ?? outcome.file) } ?? []
            hasCharts = !charts.isEmpty
            expectations = outcome.expectations.flatMap(ExpectationRow.rows)
            hasExpectations = !outcome.expectations.isEmpty
            expectationsHeld = "\(outcome.expectations.filter(\.passed).count) of \(outcome.expectations.count) held"
        }
    }

    /// One row of a scenario's expectations table: a passing expectation is one row; a failing
    /// one is a row per figure, expected beside actual (or a row saying why there is nothing to
    /// compare), so each mismatch sits in its own cells.
    struct ExpectationRow {
        var location: String
        var title: String
        var verdict: String
        var passed: Bool
        var figure: String
        var expected: String
        var actual: String
        var differs: Bool

        static func rows(_ result: ExpectationResult) -> [ExpectationRow] {
            let row = ExpectationRow(location: result.spec.location?.description ?? "expect", title: result.title,
                                     verdict: result.passed ? "PASS" : "FAIL", passed: result.passed, figure: "", expected: "", actual: "",
                                     differs: false)
            guard !result.passed else { return [row] }
            let note = result.note.map { note in [ExpectationRow(location: row.location, title: row.title, verdict: row.verdict, passed: false,
                                                                 figure: note, expected: "", actual: "", differs: true)] } ?? []
            return note + result.figures.map { figure in
                ExpectationRow(location: row.location, title: row.title, verdict: row.verdict, passed: false, figure: figure.name,
                               expected: figure.expected, actual: figure.actual ?? "(none)", differs: !figure.matches)
            }
        }
    }

    /// A failing ledger: the golden's columns, and for each changed row the golden's and this
    /// run's row with the changed cells marked.
    struct LedgerTable {
        struct Row {
            var line: String
            var side: String
            var sideClass: String
            var cells: [Cell]
        }

        struct Cell {
            var text: String
            var changed: Bool
            var deleted: Bool
            var inserted: Bool
        }

        var id: String
        var file: String
        var headline: String
        var columns: [String]
        /// Differences of the file as a whole (its columns, its line breaks), in words.
        var notes: [String]
        var rows: [Row]
        var hasRows: Bool
        var more: String?
        var diff: String

        init(mismatch: GoldenStore.Mismatch, id: String) {
            self.id = id
            file = mismatch.file
            headline = VisibleText.diff(mismatch.headline)
            columns = mismatch.columns.map(VisibleText.cell)
            diff = VisibleText.diff(mismatch.diff)
            notes = mismatch.cells.compactMap { change in
                guard case .whole(let what) = change.kind else { return nil }
                return what
            }
            rows = mismatch.cells.prefix(HTMLReport.rowLimit).flatMap { change -> [Row] in
                let changedColumns: Set<String>
                if case .changed(let cells) = change.kind { changedColumns = Set(cells.map(\.column)) } else { changedColumns = Set(mismatch.columns) }
                func row(_ values: [String], side: String, sideClass: String, deleted: Bool) -> Row {
                    let cells = mismatch.columns.indices.map { column in
                        let changed = changedColumns.contains(mismatch.columns[column])
                        return Cell(text: VisibleText.cell(column < values.count ? values[column] : ""), changed: changed,
                                    deleted: changed && deleted, inserted: changed && !deleted)
                    }
                    return Row(line: "\(change.line)", side: side, sideClass: sideClass, cells: cells)
                }
                switch change.kind {
                case .changed:
                    return [row(change.golden, side: "golden", sideClass: "golden", deleted: true),
                            row(change.run, side: "this run", sideClass: "run", deleted: false)]
                case .removed: return [row(change.golden, side: "golden (row removed)", sideClass: "golden", deleted: true)]
                case .added: return [row(change.run, side: "this run (row added)", sideClass: "run", deleted: false)]
                case .whole: return []
                }
            }
            hasRows = !rows.isEmpty
            more = mismatch.cells.count > HTMLReport.rowLimit ? "… and \(mismatch.cells.count - HTMLReport.rowLimit) more changed rows (all are in the diff below)" : nil
        }
    }
}
