@testable import ArcadiaCore
import Foundation
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
