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

    @Test func aMovedButIdenticalRowIsNoChange() {
        let old = header + "a\t1\tx\td1\t1\nb\t2\tx\td2\t2\n"
        let new = header + "b\t2\tx\td2\t2\na\t1\tx\td1\t1\n"
        #expect(CellDiff.changes(file: "cost_lines.tsv", old: old, new: new).isEmpty)
    }

    @Test func aFileThatIsNotATableOrChangedItsHeaderHasNoCellSummary() {
        #expect(CellDiff.changes(file: "x.txt", old: "Total\t1.00\n", new: "Total\t1.00\nTax\t0.10\n").isEmpty)
        #expect(CellDiff.changes(file: "cost_lines.tsv", old: header, new: "period\tamount_cents\n").isEmpty)
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
