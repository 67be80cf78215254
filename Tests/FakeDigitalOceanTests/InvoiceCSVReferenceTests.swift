import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing
import TestSupport

/// DO's own CSV export (`shared/reference/digitalocean/invoice.csv`: a Floating IP row, then the
/// Taxes row) against the fake's export of the same month, row for row and column for column. The
/// columns where the two may differ are named, each with why (`docs/fake-billing.md`).
@Suite struct InvoiceCSVReferenceTests {
    private static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func theFakesExportOfTheReferenceMonthMatchesDOsRowForRow() throws {
        let reference = Self.rows(String(decoding: try Fixture.data("invoice.csv"), as: UTF8.self))
        // The reference month: July 2020, an IP reserved all month and unassigned until 22 Jul 18:14:39.
        let july = Timestamp(year: 2020, month: 7, day: 1)
        let fake = FakeDigitalOcean(seed: 5, start: july)
        try fake.setTaxRate(basisPoints: 625, description: "STATE SALES TAX (6.25%)")
        let ip = try fake.reserveIP(region: "nyc3", project: nil)
        fake.advance(to: Timestamp(year: 2020, month: 7, day: 22, hour: 18, minute: 14, second: 39))
        try fake.createDroplet(name: "holder", size: "s-1vcpu-1gb", region: "nyc3", tags: [], poweredOn: true, createdAt: nil, project: nil)
        try fake.assignIP(ip, toDroplet: "holder")
        fake.advance(to: Timestamp(year: 2020, month: 8, day: 1))
        let exported = Self.rows(fake.csv(try fake.invoiceUUID(period: "2020-07")).text)

        #expect(exported.first == reference.first, "the header")
        let floating = try #require(exported.first { $0.first == "Floating IPs" })
        let taxes = try #require(exported.last)
        #expect(exported.firstIndex(of: floating)! < exported.firstIndex(of: taxes)!, "Floating IPs before Taxes, which is last")
        let columns = reference[0]
        func column(_ name: String) -> Int { columns.firstIndex(of: name)! }
        // Same in every column but: the IP in the description (drawn by the fake), `hours` (below)
        // and `project_name` (the fake bills an IP under its project; DO's 2020 row names none).
        for name in ["product", "group_description", "start", "end", "USD", "category"] {
            #expect(floating[column(name)] == reference[1][column(name)], "Floating IPs \(name)")
        }
        #expect(floating[column("description")] == "Unused Floating IP - \(ip)")
        // DO's $3.11 is exactly 522 h (its start to end, truncated) × $4.00 / 672; its `hours` (100)
        // fits neither, so the fake writes the hours it billed.
        #expect(floating[column("hours")] == "522" && reference[1][column("hours")] == "100")
        for name in ["product", "group_description", "description", "hours", "start", "end", "project_name", "category"] {
            #expect(taxes[column(name)] == reference[2][column(name)], "Taxes \(name)")
        }
    }
}
