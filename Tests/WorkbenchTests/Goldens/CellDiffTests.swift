import Testing
@testable import Workbench

struct CellDiffTests {
    let header = "period\tline_no\tproduct\tdescription\tamount_cents\n"

    @Test func aChangedCellIsReportedByItsRowKeyColumnAndGoldenLine() {
        let old = header + "2026-04\t1\tDroplets\tweb-1 (s-1vcpu-1gb)\t226\n2026-04\t2\tDroplets\tapi-1 (s-2vcpu-4gb)\t2400\n"
        let new = header + "2026-04\t1\tDroplets\tweb-1 (s-1vcpu-1gb)\t333\n2026-04\t2\tDroplets\tapi-1 (s-2vcpu-4gb)\t2400\n"
        let changes = CellDiff.changes(file: "cost_lines.tsv", old: old, new: new)
        #expect(changes.map(\.description) == ["cost_lines.tsv:2 2026-04 · web-1 (s-1vcpu-1gb): amount_cents 226 → 333"])
    }

    @Test func rowsThatComeAndGoAreSaidSoAndUnchangedRowsAreNot() {
        let old = header + "2026-04\t1\tDroplets\tweb-1\t1\n2026-04\t2\tDroplets\tgone\t2\n"
        let new = header + "2026-04\t1\tDroplets\tweb-1\t1\n2026-04\t2\tVolumes\tnew-vol\t\n"
        #expect(CellDiff.changes(file: "cost_lines.tsv", old: old, new: new).map(\.description) == [
            "cost_lines.tsv:3 2026-04 · gone: row removed",
            "cost_lines.tsv:3 2026-04 · new-vol: row added (line 3 of this run)",
        ])
    }

    @Test func aMovedButIdenticalRowIsNoRowChangeButTheOrderIsSaid() {
        let old = header + "a\t1\tx\td1\t1\nb\t2\tx\td2\t2\n"
        let new = header + "b\t2\tx\td2\t2\na\t1\tx\td1\t1\n"
        #expect(CellDiff.changes(file: "cost_lines.tsv", old: old, new: new).map(\.description)
                == ["cost_lines.tsv:3 the rows are the same; the files differ in the order of their rows"])
        #expect(CellDiff.changes(file: "cost_lines.tsv", old: old, new: old).isEmpty)
    }

    /// A column added, renamed or removed used to give no summary at all: an empty table in the
    /// HTML report and a failure message with no line.
    @Test func aFileThatIsNotATableHasNoCellSummaryAndAChangedHeaderIsSaid() {
        #expect(CellDiff.changes(file: "x.txt", old: "Total\t1.00\n", new: "Total\t1.00\nTax\t0.10\n").isEmpty)
        #expect(CellDiff.changes(file: "cost_lines.tsv", old: header, new: "period\tamount\n").map(\.description) == [
            "cost_lines.tsv:1 the columns differ: the golden has period, line_no, product, description, amount_cents; this run has period, amount",
        ])
    }

    /// A golden checked out with CRLF line endings was one line to a split on "\n" ("\r\n" is one
    /// Character): no row paired, and the report showed data rows as its header.
    @Test func crlfLineEndingsAndAFinalLineBreakAreFound() {
        let run = header + "2026-04\t1\tDroplets\tweb-1\t226\n"
        let crlf = run.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(CellDiff.changes(file: "cost_lines.tsv", old: crlf, new: run).map(\.description) == [
            "cost_lines.tsv:1 the columns differ: the golden has period, line_no, product, description, amount_cents\\u{D}; "
                + "this run has period, line_no, product, description, amount_cents",
        ])
        #expect(CellDiff.changes(file: "cost_lines.tsv", old: header + "2026-04\t1\tDroplets\tweb-1\t226\r\n", new: run).map(\.description)
                == ["cost_lines.tsv:2 2026-04 · web-1: amount_cents 226\r → 226"])
        #expect(CellDiff.changes(file: "cost_lines.tsv", old: String(run.dropLast()), new: run).map(\.description)
                == ["cost_lines.tsv:2 the rows are the same; the files differ in the final line break: the golden has none"])
    }

    @Test func anUnknownFileIsKeyedByItsFirstColumnAndAnEmptyCellShowsAsEmpty() {
        let changes = CellDiff.changes(file: "other.tsv", old: "id\tv\nx\t1\n", new: "id\tv\nx\t\n")
        #expect(changes.map(\.description) == ["other.tsv:2 x: v 1 → ∅"])
    }

    @Test func renderingStopsAtTheLimitAndSaysHowManyMore() {
        let change = CellDiff.Change(file: "f.tsv", line: 2, key: "k", kind: .removed)
        let text = CellDiff.render(Array(repeating: change, count: 5), limit: 2, indent: "  ")
        #expect(text == "  f.tsv:2 k: row removed\n  f.tsv:2 k: row removed\n  … and 3 more changed rows\n")
    }
}
