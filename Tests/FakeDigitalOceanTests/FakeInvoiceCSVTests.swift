import DigitalOcean
import FakeDigitalOcean
import Foundation
import MoneyAndTime
import Testing

private let row = "Droplets,,web-1 (s-1vcpu-1gb),720,2026-04-01 00:00:00 +0000,2026-05-01 00:00:00 +0000,$6.00,tenant-a,iaas\n"

/// The CSV export's knobs (column order, the 8-column export, corruption), RFC 4180 quoting and
/// byte-for-byte determinism.
@Suite struct FakeInvoiceCSVTests {
    @Test func shuffledColumnsMoveHeaderAndFieldsTogether() throws {
        let fake = try aprilFake()
        try fake.setInvoiceCSVColumns([.usd, .description, .category, .start, .end, .hours, .projectName, .product, .groupDescription])
        fake.advance(to: may1)
        #expect(fake.csv(try fake.invoiceUUID(period: "2026-04")).text == """
            USD,description,category,start,end,hours,project_name,product,group_description
            $6.00,web-1 (s-1vcpu-1gb),iaas,2026-04-01 00:00:00 +0000,2026-05-01 00:00:00 +0000,720,tenant-a,Droplets,

            """)
    }

    @Test func legacyExportHasEightColumnsWithoutCategory() throws {
        let fake = try aprilFake()
        fake.advance(to: may1)
        let revision = fake.revision
        try fake.setInvoiceCSVColumns(InvoiceCSVColumn.legacy)
        #expect(fake.revision == revision + 1)
        #expect(fake.csv(try fake.invoiceUUID(period: "2026-04")).text == """
            product,group_description,description,hours,start,end,USD,project_name
            Droplets,,web-1 (s-1vcpu-1gb),720,2026-04-01 00:00:00 +0000,2026-05-01 00:00:00 +0000,$6.00,tenant-a

            """)
        #expect(throws: FakeWorldError.self) { try fake.setInvoiceCSVColumns([.product, .usd]) }
        #expect(throws: FakeWorldError.self) { try fake.setInvoiceCSVColumns(InvoiceCSVColumn.standard + [.usd]) }
    }

    @Test func corruptionSpoilsExactlyTheNextDownload() throws {
        let fake = try aprilFake()
        try fake.corruptNextCSV(period: "2026-04", how: .badAmount)  // before the invoice exists
        try fake.corruptNextCSV(period: "2026-04", how: .missingColumn(.usd))
        fake.advance(to: may1)
        let uuid = try fake.invoiceUUID(period: "2026-04")
        #expect(fake.get("/v2/customers/my/invoices/\(uuid)x/csv").status == 404, "a 404 consumes no corruption")
        #expect(fake.csv(uuid).text == csvHeader
            + "Droplets,,web-1 (s-1vcpu-1gb),720,2026-04-01 00:00:00 +0000,2026-05-01 00:00:00 +0000,$abc,tenant-a,iaas\n")
        #expect(fake.csv(uuid).text == """
            product,group_description,description,hours,start,end,project_name,category
            Droplets,,web-1 (s-1vcpu-1gb),720,2026-04-01 00:00:00 +0000,2026-05-01 00:00:00 +0000,tenant-a,iaas

            """)
        #expect(fake.csv(uuid).text == csvHeader + row, "clean again once the queued corruptions are used up")
        fake.corruptNextCSV(invoiceUUID: uuid, how: .badDate)
        #expect(fake.csv(uuid).text == csvHeader
            + "Droplets,,web-1 (s-1vcpu-1gb),720,31/04/2026 00:00,2026-05-01 00:00:00 +0000,$6.00,tenant-a,iaas\n")
    }

    @Test func truncatedStopsHalfwayThroughTheLastRow() throws {
        let fake = try aprilFake()
        fake.advance(to: may1)
        let uuid = try fake.invoiceUUID(period: "2026-04")
        fake.corruptNextCSV(invoiceUUID: uuid, how: .truncated)
        let body = fake.csv(uuid).text
        // The row is 105 bytes without its newline: the first 52 are kept.
        #expect(row.utf8.count == 106)
        #expect(body == csvHeader + "Droplets,,web-1 (s-1vcpu-1gb),720,2026-04-01 00:00:0")
    }

    @Test func fieldsWithCommasAndQuotesAreQuoted() throws {
        let fake = try aprilFake(project: #"Acme, "Prod""#)
        fake.advance(to: may1)
        #expect(fake.csv(try fake.invoiceUUID(period: "2026-04")).text == csvHeader
            + #"Droplets,,web-1 (s-1vcpu-1gb),720,2026-04-01 00:00:00 +0000,2026-05-01 00:00:00 +0000,$6.00,"Acme, ""Prod""",iaas"# + "\n")
    }

    @Test func sameSeedAndCallsGiveIdenticalBytes() throws {
        func run(seed: UInt64) throws -> [Data] {
            let fake = try aprilFake(seed: seed)
            try fake.setTaxRate(basisPoints: 1_000, description: "GST (10%)")
            fake.advance(to: Timestamp(year: 2026, month: 4, day: 10, hour: 12, minute: 30))
            try fake.resizeDroplet(name: "web-1", size: "s-2vcpu-4gb")
            fake.advance(to: Timestamp(year: 2026, month: 6, day: 5))
            let uuids = try ["2026-04", "2026-05"].map { try fake.invoiceUUID(period: $0) }
            let paths = ["/v2/customers/my/balance", "/v2/customers/my/billing_history", "/v2/customers/my/invoices",
                         "/v2/customers/my/invoices/preview"]
                + uuids.flatMap { ["/v2/customers/my/invoices/\($0)", "/v2/customers/my/invoices/\($0)/summary", "/v2/customers/my/invoices/\($0)/csv"] }
            return paths.map { path in
                let response = fake.get(path)
                return response.body + Data((response.headers["content-disposition"] ?? "").utf8)
            }
        }
        let a = try run(seed: 11), b = try run(seed: 11), c = try run(seed: 12)
        #expect(a == b)
        #expect(a[2] != c[2], "another seed gives other invoice uuids and numbers")
        #expect(a.last.map { String(decoding: $0, as: UTF8.self) }?.contains("DigitalOcean Invoice 2026 May (") == true)
    }
}
