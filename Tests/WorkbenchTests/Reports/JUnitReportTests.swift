import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Workbench

struct JUnitReportTests {
    /// A diff body with everything that can break XML: markup, `]]>`, a control character, CR.
    static let hostileDiff = UnifiedDiff.diff(
        old: "<droplet id=\"1\"> & ]]> ok\n", new: "<droplet id=\"1\"> & ]]> bell\u{07}\r\n",
        oldLabel: "goldens/s/cost.txt", newLabel: "goldens/s/cost.txt (this run)")!

    static let sample = JUnitReport(name: "arcadia", suites: [
        JUnitSuite(
            name: "month-end", file: "scenarios/month-end.yaml",
            cases: [
                JUnitCase(name: "ledger inventory", className: "month-end.ledgers", timeSeconds: 0.25,
                          outcome: .passed),
                JUnitCase(name: "ledger cost", className: "month-end.ledgers", timeSeconds: 1.5,
                          outcome: .failed(message: "cost ledger differs from golden", body: hostileDiff)),
                JUnitCase(name: "invoice totals", className: "month-end.invariants",
                          outcome: .error(message: "ledger unreadable", body: "SQLITE_CORRUPT <page 3>")),
                JUnitCase(name: "expect drift", className: "month-end.expectations", timeSeconds: 0,
                          outcome: .skipped(message: "drift engine not wired yet")),
            ],
            timeSeconds: 2.0004, timestamp: "2025-01-31T00:00:00",
            properties: [JUnitProperty(name: "seed", value: "42"), JUnitProperty(name: "clock", value: "2025-01")],
            systemOut: "ran 1 234 jobs\n"),
        JUnitSuite(name: "no checks yet"),
        JUnitSuite(name: "resize", cases: [
            JUnitCase(name: "ledger events", className: "resize.ledgers", timeSeconds: 12.3456, outcome: .passed),
            JUnitCase(name: "ledger usage", className: "resize.ledgers",
                      outcome: .failed(message: "usage differs", body: "")),
        ], timeSeconds: 12.5),
    ])

    @Test func countsOutcomes() {
        let report = Self.sample
        #expect((report.testCount, report.failureCount, report.errorCount, report.skippedCount) == (6, 2, 1, 1))
        let suite = report.suites[0]
        #expect((suite.testCount, suite.failureCount, suite.errorCount, suite.skippedCount) == (4, 1, 1, 1))
        #expect(report.xml().contains(#"<testsuites name="arcadia" tests="6" failures="2" errors="1" time="14.500">"#))
    }

    @Test func writesTheExpectedDocument() {
        let report = JUnitReport(name: "run", suites: [
            JUnitSuite(name: "s", file: "scenarios/s.yaml", cases: [
                JUnitCase(name: "ok", className: "s.ledgers", timeSeconds: 0.0004, outcome: .passed),
                JUnitCase(name: "bad", className: "s.ledgers", timeSeconds: 61.5,
                          outcome: .failed(message: "differs", body: "-a\n+b\n")),
            ], timeSeconds: 61.5, timestamp: "2025-01-31T00:00:00",
            properties: [JUnitProperty(name: "seed", value: "7")]),
            JUnitSuite(name: "empty"),
        ])
        #expect(report.xml() == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="run" tests="2" failures="1" errors="0" time="61.500">
              <testsuite name="s" tests="2" failures="1" errors="0" skipped="0" time="61.500" \
            timestamp="2025-01-31T00:00:00" file="scenarios/s.yaml">
                <properties>
                  <property name="seed" value="7"/>
                </properties>
                <testcase name="ok" classname="s.ledgers" time="0.000"/>
                <testcase name="bad" classname="s.ledgers" time="61.500">
                  <failure message="differs">-a
            +b
            </failure>
                </testcase>
              </testsuite>
              <testsuite name="empty" tests="0" failures="0" errors="0" skipped="0"/>
            </testsuites>

            """)
    }

    @Test func formatsTimesWithThreeDecimalsWhateverTheValue() {
        func suiteTime(_ seconds: Double) -> String {
            let xml = JUnitReport(name: "r", suites: [JUnitSuite(name: "s", timeSeconds: seconds)]).xml()
            let suiteLine = xml.split(separator: "\n")[2]
            return String(suiteLine[suiteLine.range(of: "time=\"")!.upperBound...].prefix { $0 != "\"" })
        }
        #expect(suiteTime(0) == "0.000")
        #expect(suiteTime(1234.5678) == "1234.568")
        #expect(suiteTime(0.0016) == "0.002")
        #expect(suiteTime(-3) == "0.000")
        #expect(suiteTime(.nan) == "0.000")
        #expect(suiteTime(.infinity) == "0.000")
    }

    @Test func escapesMarkupAndReplacesCharactersXMLCannotHold() {
        let report = JUnitReport(name: #"a<b>&"c"'d'"#, suites: [
            JUnitSuite(name: "s", cases: [
                JUnitCase(name: "t", className: "c", outcome: .failed(
                    message: "line one\n\tline two\r", body: "x < y && y > z ]]> \"q\" 'p'\u{0}\u{1B}[0m\u{FFFF}\r\n")),
            ], systemOut: "tab\there\u{0B}"),
        ])
        let xml = report.xml()
        #expect(xml.contains(#"<testsuites name="a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;""#))
        #expect(xml.contains(#"<failure message="line one&#10;&#9;line two&#13;">"#))
        #expect(xml.contains(#">x &lt; y &amp;&amp; y &gt; z ]]&gt; &quot;q&quot; &apos;p&apos;\u{00}\u{1B}[0m\u{FFFF}&#13;"#
            + "\n</failure>"))
        #expect(xml.contains("<system-out>tab\there\\u{0B}</system-out>"))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }

    @Test func messageAndBodyReadBackExactly() throws {
        let message = "two\nlines,\ta tab & <markup> \"quoted\" 'too'\r"
        let body = "--- a\n+++ b\n@@ -1 +1 @@\n-<x a=\"1\"> & ]]> 'q'\r\n+\tindented\n"
        let xml = JUnitReport(name: "r", suites: [JUnitSuite(name: "s", cases: [
            JUnitCase(name: "t", className: "c", outcome: .failed(message: message, body: body)),
        ])]).xml()
        let failure = try #require(try XMLDocument(xmlString: xml).nodes(forXPath: "//failure").first as? XMLElement)
        #expect(failure.stringValue == body)
        #expect(failure.attribute(forName: "message")?.stringValue == message)
    }

    @Test func withoutTimingsTwoRunsCompareEqual() {
        var slower = Self.sample
        slower.suites[0].timeSeconds = 9.75
        slower.suites[0].timestamp = "2026-11-24T22:00:00"
        slower.suites[2].cases[0].timeSeconds = 0.001
        #expect(slower.xml() != Self.sample.xml())
        #expect(slower.xml(includeTimings: false) == Self.sample.xml(includeTimings: false))
        #expect(!Self.sample.xml(includeTimings: false).contains("time="))
        #expect(!Self.sample.xml(includeTimings: false).contains("timestamp="))
    }

    @Test(arguments: [true, false])
    func validatesAgainstTheSchema(includeTimings: Bool) throws {
        #expect(try JUnitSchema().validate(Data(Self.sample.xml(includeTimings: includeTimings).utf8)) == [])
    }

    @Test func emptyReportValidates() throws {
        #expect(try JUnitSchema().validate(Data(JUnitReport(name: "nothing ran").xml().utf8)) == [])
    }

    /// Guards the validation tests themselves: the schema check must reject what the schema forbids.
    @Test func schemaCheckRejectsAnAttributeTheSchemaLacks() throws {
        let invalid = Self.sample.xml().replacingOccurrences(of: "<testsuites ", with: "<testsuites skipped=\"1\" ")
        let problems = try JUnitSchema().validate(Data(invalid.utf8))
        #expect(problems.map(\.line) == [2])
        #expect(problems.first?.message.contains("skipped") == true)
    }
}
