@testable import ArcadiaCore
import Foundation
import MoneyAndTime
import Testing
import Workbench

/// A month DO billed that no row reprices is said in the table, the JSON and the CSV, never left out.
struct RepriceRenderingTests {
    @Test func aMonthNothingRepricesIsListedInTheTableTheJSONAndTheCSV() throws {
        var report = RepriceReport(candidates: ["candidate"], rows: [])
        report.notRepriced = [BillingPeriod("2026-04")!]
        let table = try RepriceRendering.table(report, books: [])
        #expect(table.contains("\nNot repriced:\n  2026-04: DigitalOcean billed it and a tenant held a subscription, but the ledger has no usage "
                               + "covering it and no tenant invoice (imported without --derive-usage?)\n"), "\(table)")
        let json = try JSONSerialization.jsonObject(with: Data(try RepriceRendering.json(report).utf8)) as? [String: Any]
        #expect((json?["not_repriced"] as? [[String: String]])?.first?["period"] == "2026-04")
        let csv = try RepriceRendering.csv(report).split(separator: "\n")
        #expect(csv.count == 2)
        #expect(csv.last?.hasPrefix(",2026-04,,,,,,\"not repriced: DigitalOcean billed it and a tenant held a subscription, ") == true, "\(csv)")
    }
}

extension RepriceRenderingTests {
    /// A row's notes (what pricing left out) are in every format: a section of the table, the
    /// last CSV column, a list in the JSON.
    @Test func aRowsNotesAreInTheTableTheJSONAndTheCSV() throws {
        var row = RepriceReport.Row(tenant: "acme", period: BillingPeriod("2026-04")!, invoiced: nil, inEffectBook: nil, requoted: nil,
                                    finding: nil, candidates: [.failed("no plan")])
        row.notes = ["'candidate': web: usage of snapshot_gb_month is not priced by the plan", "country US has no tax rate"]
        let report = RepriceReport(candidates: ["candidate"], rows: [row])
        #expect(try RepriceRendering.table(report, books: []).contains("""
            Notes (left out of the figures, as a rollup would say):
              acme 2026-04: 'candidate': web: usage of snapshot_gb_month is not priced by the plan
              acme 2026-04: country US has no tax rate

            """))
        let csv = try RepriceRendering.csv(report).split(separator: "\n")
        #expect(csv.first?.hasSuffix(",candidate_change,notes") == true)
        #expect(csv.last?.hasSuffix(",'candidate': web: usage of snapshot_gb_month is not priced by the plan; country US has no tax rate") == true,
                "\(csv)")
        let json = try JSONSerialization.jsonObject(with: Data(try RepriceRendering.json(report).utf8)) as? [String: Any]
        #expect(((json?["rows"] as? [[String: Any]])?.first?["notes"] as? [String]) == row.notes)
    }
}

extension RepriceRenderingTests {
    /// A history audit: a month never invoiced showed '-' where the baseline goes, though its deltas
    /// are measured from the month re-quoted with the book in effect (as the CSV and JSON say).
    /// The table now shows that baseline, marked, with what the mark means.
    @Test func aMonthNeverInvoicedShowsItsRequotedBaselineMarked() throws {
        let figures = { (cents: Int) in RepriceReport.Figures(subtotal: Money(cents: cents), tax: .zero, total: Money(cents: cents)) }
        let rows = [
            RepriceReport.Row(tenant: "acme", period: BillingPeriod("2026-03")!, invoiced: figures(3_000), inEffectBook: "standard-2026",
                              requoted: figures(3_000), finding: nil, candidates: [.priced(figures(3_300))]),
            RepriceReport.Row(tenant: "acme", period: BillingPeriod("2026-04")!, invoiced: nil, inEffectBook: "standard-2026",
                              requoted: figures(2_900), finding: nil, candidates: [.priced(figures(3_190))]),
        ]
        let table = try RepriceRendering.table(RepriceReport(candidates: ["candidate"], rows: rows), books: [])
        let cells = table.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(cells.contains { $0.starts(with: ["acme", "2026-03", "30.00"]) }, "\(table)")
        #expect(cells.contains { $0.starts(with: ["acme", "2026-04", "29.00*"]) && $0.contains("+2.90") }, "\(table)")
        #expect(table.contains("\n* never invoiced: the month as the book in effect then prices it, which the deltas are measured from\n"))
        let invoicedOnly = try RepriceRendering.table(RepriceReport(candidates: ["candidate"], rows: [rows[0]]), books: [])
        #expect(!invoicedOnly.contains("never invoiced"))
    }
}
