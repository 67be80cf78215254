import ArcadiaCore
import Foundation
import MoneyAndTime
import Testing
import TestSupport
@testable import Workbench
import WorkbenchTestSupport

@Suite struct HTMLReportTests {
    @Test func aFailingRunsPageLeadsWithTheSummaryAndShowsTheChangedCellIsDeterministicAndSelfContained() async throws {
        let fixture = try MixedRunFixture()
        let files = try ScenarioRunner.scenarioFiles(in: [fixture.scenarios])
        let runner = ScenarioRunner(options: .init(goldensRoot: fixture.goldens, jobs: 2), stopwatch: { 3 })
        let html = HTMLReport.render(await runner.run(files: files, checkOrphans: true))
        let again = HTMLReport.render(await runner.run(files: files, checkOrphans: true))
        #expect(html == again, "same run, same bytes")

        let summary = try #require(html.range(of: "<caption>Summary</caption>"))
        let firstSection = try #require(html.range(of: "<section"))
        #expect(summary.lowerBound < firstSection.lowerBound, "the summary comes first")
        #expect(html.contains("<tr><th scope=\"row\">Passed</th><td class=\"num\">2</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Failed</th><td class=\"num\">4</td></tr>"), "4 failing files")
        #expect(html.contains("<tr><th scope=\"row\">Orphaned golden folders (each a failure)</th><td class=\"num\">1</td></tr>"))
        #expect(html.contains("goldens/retired/ belongs to no scenario that ran"))
        #expect(html.contains("<span class=\"verdict\">FAIL</span>reserved-ips"))
        #expect(html.contains("inventory.tsv differs from its golden"))
        #expect(html.contains("<td class=\"changed\"><del>s-8vcpu-16gb</del><span class=\"sr-only\"> (changed)</span></td>"))
        #expect(html.contains("<td class=\"changed\"><ins>s-1vcpu-1gb</ins><span class=\"sr-only\"> (changed)</span></td>"))
        #expect(html.contains("missing required key &#39;end&#39;"), "the invalid file's error, escaped")

        // Self-contained: nothing is fetched (the SVG namespace is a name, not a request).
        for fetch in ["<script", "<link", "<img", "src=", "@import", "url(http", "<iframe"] {
            #expect(!html.contains(fetch), "\(fetch)")
        }
        #expect(html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").range(of: "http") == nil)
        // Every chart is an image with a title and a description, followed by its numbers as a table.
        let charts = html.components(separatedBy: "<svg ").count - 1
        #expect(charts >= 3, "a fleet chart per played scenario")
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == charts)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == charts)
        #expect(html.components(separatedBy: "The numbers behind this chart").count - 1 == charts)
    }

    /// The revenue scenario's own goldens: the figures behind the charts, without playing it.
    func revenueFigures() throws -> ScenarioFigures {
        let folder = RepoPaths.root().appendingPathComponent("goldens/revenue-month-end")
        let ledgers = try ["events.tsv", "invoices.tsv", "tenant_invoices.tsv"].map { name in
            LedgerFile(name: name, content: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        return ScenarioFigures(clock: ClockRange(start: Timestamp(year: 2026, month: 4, day: 1), end: Timestamp(year: 2026, month: 5, day: 6)),
                               ledgers: ledgers)
    }

    @Test func figuresAreReadFromTheLedgersAndChartedWithTheirNumbers() throws {
        let figures = try revenueFigures()
        #expect(figures.doCost.map(\.period) == ["2026-04"])
        #expect(figures.doCost.map(\.amount) == [Money(cents: 10_800)])
        #expect(figures.tenantInvoices.map { "\($0.tenant) \($0.period) \($0.status) \($0.total.cents)" } == ["acme 2026-04 paid 15407", "globex 2026-04 issued 1933"])
        #expect(figures.revenue.map(\.amount) == [Money(cents: 17_340)])
        #expect(figures.fleet.map(\.droplets) == [6], "six droplets from the first listing on, none gone stale")
        #expect(figures.fleet.first?.at == figures.start)

        let charts = HTMLCharts.charts(for: figures, id: "s1", scenario: "revenue-month-end")
        #expect(charts.map(\.id) == ["s1-fleet", "s1-margin", "s1-tenant1", "s1-tenant2"])
        let margin = charts[1]
        #expect(margin.table.rows.map(\.cells) == [["2026-04", "$108.00", "$173.40"]])
        #expect(margin.bars.map(\.label) == ["$108.00", "$173.40"], "the amounts, cents and all: $173.40 read as $173")
        #expect(margin.bars.allSatisfy { $0.labelled })
        #expect(margin.yTicks.map(\.text) == ["$0", "$50", "$100", "$150", "$200"])
        #expect(margin.bars.map(\.solid) == [true, false], "cost solid, revenue hatched: told apart without colour")
        #expect(margin.bars[1].height > margin.bars[0].height)
        #expect(margin.summary == "2026-04: DO cost $108.00, tenant revenue $173.40.")
        for bar in margin.bars {
            #expect(bar.y + bar.height == margin.axisY && bar.y >= SVGChart.top, "bars stand on the axis, inside the plot")
        }
        #expect(charts[2].table.rows.map(\.cells) == [["2026-04", "$154.07", "paid"]])
    }

    @Test func everyTextFromARunIsEscaped() {
        let change = CellDiff.Change(file: "t.tsv", line: 2, key: "k", kind: .changed([.init(column: "b", old: "<script>", new: "x&y")]),
                                     golden: ["k", "<script>"], run: ["k", "x&y"])
        let mismatch = GoldenStore.Mismatch(file: "t.tsv", goldenPath: "goldens/s/t.tsv", cells: [change], diff: "-<b>\n+\"q\"\n", columns: ["a", "b"])
        let outcome = ScenarioOutcome(file: "s.yaml", name: "s", failure: nil, comparisons: [.mismatch(mismatch)], updatedGoldens: [], seconds: 0)
        let html = HTMLReport.render(RunReport(outcomes: [outcome], orphanGoldens: [], updatedGoldens: false))
        #expect(html.contains("<del>&lt;script&gt;</del>") && html.contains("<ins>x&amp;y</ins>"))
        #expect(html.contains("-&lt;b&gt;\n+&quot;q&quot;"))
        #expect(!html.contains("<script>"))
    }

    /// Each expectation is a row at its file:line:column; a failing one shows each figure expected
    /// beside actual, the differing cells marked, and one with nothing to compare says why.
    @Test func aScenariosExpectationsAreATableWithExpectedBesideActualForFailures() throws {
        func at(_ line: Int) -> ScenarioLocation { ScenarioLocation(file: "scenarios/x.yaml", line: line, column: 5) }
        let period = try #require(BillingPeriod("2026-04"))
        let invoice = ExpectationSpec.Check.tenantInvoice(tenant: "acme", period: period, status: nil, subtotal: nil, tax: nil, total: nil)
        let results = [
            ExpectationResult(spec: ExpectationSpec(check: invoice, location: at(31)), title: "tenant_invoice acme 2026-04",
                              figures: [.init(name: "total", expected: "154.07", actual: "154.07")], note: nil),
            ExpectationResult(spec: ExpectationSpec(check: invoice, location: at(33)), title: "usage acme-api 2026-04 droplet_hours",
                              figures: [.init(name: "quantity", expected: "2874", actual: "2873.5"), .init(name: "records", expected: "30", actual: "30")],
                              note: nil),
            ExpectationResult(spec: ExpectationSpec(check: invoice, location: at(34)), title: "tenant_invoice <globex> 2026-04",
                              figures: [.init(name: "total", expected: "19.33", actual: nil)], note: "no invoice for globex in 2026-04"),
        ]
        var outcome = ScenarioOutcome(file: "scenarios/x.yaml", name: "x", failure: nil, comparisons: [], updatedGoldens: [], seconds: 0)
        outcome.expectations = results
        let html = HTMLReport.render(RunReport(outcomes: [outcome], orphanGoldens: [], updatedGoldens: false))
        #expect(!outcome.passed)
        #expect(html.contains("<h3 id=\"s1-expect\">Expectations: 1 of 3 held</h3>"), "\(html)")
        #expect(html.contains("<thead><tr><th scope=\"col\">where</th><th scope=\"col\">check</th><th scope=\"col\">result</th>"
                              + "<th scope=\"col\">figure</th><th scope=\"col\">expected</th><th scope=\"col\">actual</th></tr></thead>"))
        #expect(html.contains("<tr class=\"pass\"><td><code>scenarios/x.yaml:31:5</code></td><td>tenant_invoice acme 2026-04</td>"
                              + "<td><span class=\"verdict\">PASS</span></td><td></td><td class=\"num\"></td><td class=\"num\"></td></tr>"))
        #expect(html.contains("<tr class=\"fail\"><td><code>scenarios/x.yaml:33:5</code></td><td>usage acme-api 2026-04 droplet_hours</td>"
                              + "<td><span class=\"verdict\">FAIL</span></td><td>quantity</td><td class=\"num\">2874</td>"
                              + "<td class=\"num changed\">2873.5<span class=\"sr-only\"> (differs)</span></td></tr>"))
        #expect(html.contains("<td>records</td><td class=\"num\">30</td><td class=\"num\">30</td></tr>"), "a matching figure of a failure is shown, unmarked")
        #expect(html.contains("<td>tenant_invoice &lt;globex&gt; 2026-04</td><td><span class=\"verdict\">FAIL</span></td>"
                              + "<td>no invoice for globex in 2026-04</td>"), "the note says why, and the title is escaped")
        #expect(html.contains("<td class=\"num changed\">(none)<span class=\"sr-only\"> (differs)</span></td>"))
        let withoutExpectations = HTMLReport.render(RunReport(outcomes: [ScenarioOutcome(file: "y.yaml", name: "y", failure: nil, comparisons: [],
                                                                                            updatedGoldens: [], seconds: 0)],
                                                              orphanGoldens: [], updatedGoldens: false))
        #expect(!withoutExpectations.contains("Expectations:"), "a scenario without expect: has no table")
    }

    @Test func moneyReadsAsDollarsWithThousands() {
        #expect(Dollars.text(Money(cents: 123_456_789)) == "$1,234,567.89")
        #expect(Dollars.text(Money(cents: 5)) == "$0.05")
        #expect(Dollars.text(Money(cents: -150_050), wholeDollars: true) == "−$1,501")
        #expect(SVGChart.niceCeiling(17_340) == 20_000)
        #expect(SVGChart.niceCeiling(3) == 4)
        #expect(SVGChart.niceCeiling(250) == 400)
        // Amounts near 64 bits' limit: no round ceiling fits, and the bars scale in 128 bits.
        #expect(SVGChart.niceCeiling(.max) == .max)
        #expect(SVGChart.niceCeiling(2_000_000_000_000_000_001) == 4_000_000_000_000_000_000)
        #expect(SVGChart.scaled(.max / 2, of: .max, to: 300) == 149)
        #expect(Dollars.text(Money(cents: .max), wholeDollars: true) == "$92,233,720,368,547,758")
        #expect(Dollars.text(Money(cents: .min)) == "−$92,233,720,368,547,758.08")
        #expect(Dollars.text(Money(cents: -150_049), wholeDollars: true) == "−$1,500")
        let chart = SVGChart.bars(id: "c", title: "t", summary: "s", categories: ["2026-04"], series: [("cost", true, [Money(cents: .max)])],
                                  table: SVGChart.Table(caption: "c", columns: [], rows: []))
        #expect(chart.bars.map(\.label) == ["$92,233,720,368,547,758"])
        #expect(chart.bars.map(\.height) == [chart.plotHeight], "the value is its own ceiling")
    }
}

@Suite struct ReportOutputTests {
    @Test func aReportIsWrittenBesideAndRenamedAndOnlyAReportIsReplaced() throws {
        let directory = try RepoPaths.temporaryDirectory()
        let target = directory.appendingPathComponent("out/report.html").path
        let output = try ReportOutput(target: target, option: "--html", kind: .html)
        let page = HTMLReport.render(RunReport(outcomes: [], orphanGoldens: [], updatedGoldens: false))
        try output.write(page)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == page)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path) == ["report.html"],
                "no scratch file is left")
        try ReportOutput(target: target, option: "--html", kind: .html).write(page + "<!-- again -->")

        let precious = try ScenarioFixtures.write("<html>mine</html>", to: directory, as: "precious.html")
        #expect(throws: OutputRefusal.self) { try ReportOutput(target: precious, option: "--html", kind: .html) }
        #expect(try String(contentsOfFile: precious, encoding: .utf8) == "<html>mine</html>")
        #expect(throws: OutputRefusal.self) { try ReportOutput(target: directory.path, option: "--html", kind: .html) }
    }

    /// `--junit` naming a folder used to be found out only after every scenario had played, with a
    /// Foundation error dump; now it is refused before anything runs, as `--html` is, and an HTML
    /// report is no JUnit report to replace.
    @Test func aJUnitTargetIsCheckedWhenTheOutputIsMade() throws {
        let directory = try RepoPaths.temporaryDirectory()
        let error = #expect(throws: OutputRefusal.self) { try ReportOutput(target: directory.path, option: "--junit", kind: .junit) }
        #expect(error?.description == "refusing --junit \(directory.path): it is a folder; the report is one file (nothing was touched)")
        let target = directory.appendingPathComponent("junit.xml").path
        try ReportOutput(target: target, option: "--junit", kind: .junit).write(JUnitReport(name: "arcadia", suites: []).xml())
        #expect(try ReportOutput(target: target, option: "--junit", kind: .junit).target == target, "a JUnit report may be replaced")
        let html = directory.appendingPathComponent("report.html").path
        try ReportOutput(target: html, option: "--html", kind: .html).write(HTMLReport.render(RunReport(outcomes: [], orphanGoldens: [], updatedGoldens: false)))
        #expect(throws: OutputRefusal.self) { try ReportOutput(target: html, option: "--junit", kind: .junit) }
    }
}

/// What a browser draws as nothing or as a plain space is escaped on the page, so two cells that
/// differ (a CRLF golden, a trailing space, a non-breaking space, a bell) never look alike.
struct VisibleTextTests {
    @Test func hiddenCharactersAndEdgeSpacesAreEscaped() {
        #expect(VisibleText.cell("web-1") == "web-1")
        #expect(VisibleText.cell("a b") == "a b")
        #expect(VisibleText.cell("226\r") == "226\\u{D}")
        #expect(VisibleText.cell(" web-1 ") == "\\u{20}web-1\\u{20}")
        #expect(VisibleText.cell("a\u{A0}b\u{7}") == "a\\u{A0}b\\u{7}")
        #expect(VisibleText.diff("-a\tb\r\n+a\tb\n") == "-a\tb\\u{D}\n+a\tb\n")
    }
}

/// Charts that stay readable at their edges: small amounts, and many months.
struct ChartLabelTests {
    static func bars(_ values: [Int]) -> SVGChart {
        SVGChart.bars(id: "c", title: "t", summary: "s", categories: values.indices.map { "2026-\($0 + 1)" },
                      series: [("total", false, values.map { Money(cents: $0) })], table: SVGChart.Table(caption: "c", columns: [], rows: []))
    }

    /// A $2 ceiling's ticks read "$0 $1 $1 $2 $2" and a $1.57 bar "$2".
    @Test func smallAmountsKeepTheirCents() {
        let chart = Self.bars([157])
        #expect(chart.yTicks.map(\.text) == ["$0.00", "$0.50", "$1.00", "$1.50", "$2.00"])
        #expect(chart.bars.map(\.label) == ["$1.57"])
    }

    /// Eighteen months: every second month is named (the labels overprinted), and bars too narrow
    /// for their amount leave it to the chart's table.
    @Test func manyMonthsNameEveryNthAndLeaveOutLabelsThatDoNotFit() {
        let chart = Self.bars(Array(repeating: 2_900, count: 18))
        #expect(chart.xTicks.map(\.text) == (0..<9).map { "2026-\($0 * 2 + 1)" })
        #expect(chart.bars.allSatisfy { !$0.labelled })
        #expect(Self.bars([2_900, 4_100]).bars.allSatisfy { $0.labelled })
    }
}
