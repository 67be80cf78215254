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
