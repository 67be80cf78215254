import ArcadiaCore
import DigitalOcean
import Foundation
import MoneyAndTime
import Testing
import TestSupport

@Suite struct InvoiceCSVTests {
    let source = "invoice 2020-07 (example-uuid)"

    func parse(_ text: String) throws(CostIngestionError) -> [InvoiceCSVLine] {
        try InvoiceCSV.parse(data: Data(text.utf8), source: source)
    }

    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    static let floatingIP = InvoiceCSVLine(
        lineNo: 1, csvRow: 2, product: "Floating IPs", description: "Unused Floating IP - 1.1.1.1", hours: 100,
        start: Timestamp(year: 2020, month: 7, day: 1), end: Timestamp(year: 2020, month: 7, day: 22, hour: 18, minute: 14, second: 39),
        amountCents: 311, category: "iaas")
    static let tax = InvoiceCSVLine(
        lineNo: 2, csvRow: 3, product: "Taxes", description: "STATE SALES TAX (6.25%)", hours: nil,
        start: Timestamp(year: 2020, month: 7, day: 1), end: Timestamp(year: 2020, month: 7, day: 31, hour: 23, minute: 59, second: 59),
        amountCents: 16, category: "iaas")

    @Test func readsDigitalOceansVerbatimExport() throws {
        let data = try Data(contentsOf: RepoPaths.sharedReference().appendingPathComponent("digitalocean/invoice.csv"))
        #expect(try InvoiceCSV.parse(data: data, source: source) == [Self.floatingIP, Self.tax])
    }

    @Test func findsColumnsByNameInAnyOrder() throws {
        let lines = try parse("""
            USD,category,end,start,description,hours,project_name,group_description,product
            $3.11,iaas,2020-07-22 18:14:39 +0000,2020-07-01 00:00:00 +0000,Unused Floating IP - 1.1.1.1,100,,,Floating IPs
            $0.16,iaas,2020-07-31 23:59:59 +0000,2020-07-01 00:00:00 +0000,STATE SALES TAX (6.25%),,,,Taxes
            """)
        #expect(lines == [Self.floatingIP, Self.tax])
    }

    @Test func readsTheOlderEightColumnExportWithoutCategory() throws {
        let lines = try parse("""
            product,group_description,description,hours,start,end,USD,project_name
            Droplets,,web-1 (s-1vcpu-1gb),744,2020-07-01 00:00:00 +0000,2020-08-01 00:00:00 +0000,$6.00,Production
            """)
        #expect(lines.count == 1)
        #expect(lines[0].category == nil)
        #expect(lines[0].projectName == "Production")
        #expect(lines[0].amountCents == 600)
        #expect(lines[0].hours == 744)
    }

    @Test func toleratesABOMAndCRLFLineEnds() throws {
        let text = "\u{FEFF}product,group_description,description,hours,start,end,USD,project_name,category\r\n"
            + "Floating IPs,,Unused Floating IP - 1.1.1.1,100,2020-07-01 00:00:00 +0000,2020-07-22 18:14:39 +0000,$3.11,,iaas\r\n"
            + "Taxes,,STATE SALES TAX (6.25%),,2020-07-01 00:00:00 +0000,2020-07-31 23:59:59 +0000,$0.16,,iaas\r\n"
        #expect(try parse(text) == [Self.floatingIP, Self.tax])
    }

    @Test func readsQuotedFieldsHoldingCommasQuotesAndLineBreaks() throws {
        let lines = try parse(#"""
            product,group_description,description,hours,start,end,USD,project_name,category
            "Droplets","my, group","web-1 (s-1vcpu-1gb), ""primary""",744,2020-07-01 00:00:00 +0000,2020-08-01 00:00:00 +0000,"$1,234.56","a
            b",iaas
            Taxes,,GST (10%),,2020-07-01 00:00:00 +0000,2020-07-31 23:59:59 +0000,$0.16,,iaas
            """#)
        #expect(lines.map(\.groupDescription) == ["my, group", nil])
        #expect(lines[0].description == #"web-1 (s-1vcpu-1gb), "primary""#)
        #expect(lines[0].amountCents == 123_456)
        #expect(lines[0].projectName == "a\nb")
        #expect(lines.map(\.csvRow) == [2, 3], "a quoted line break is inside one row")
        #expect(lines.map(\.lineNo) == [1, 2])
    }

    @Test func skipsBlankLinesButKeepsCountingRows() throws {
        let text = "product,description,start,end,USD\n\nTaxes,GST (10%),2020-07-01,2020-07-31,$1.00\n\nTaxes,x,2020-07-01,2020-07-31,$9x\n"
        #expect(error(text) == "invoice 2020-07 (example-uuid): row 5, column USD: '$9x' is not an amount")
    }

    @Test func anEmptyFileHasNoHeader() {
        #expect(error("") == "invoice 2020-07 (example-uuid): the file is empty (no header row)")
    }

    @Test func aHeaderOnlyFileHasNoLines() throws {
        #expect(try parse("product,description,start,end,USD\n").isEmpty)
    }

    @Test func namesEveryMissingRequiredColumn() {
        #expect(error("product,description,hours,start,project_name\n") ==
            "invoice 2020-07 (example-uuid): missing required columns 'end', 'USD' (header: product,description,hours,start,project_name)")
        #expect(error("product,description,start,end,amount\n") ==
            "invoice 2020-07 (example-uuid): missing required column 'USD' (header: product,description,start,end,amount)")
    }

    @Test func rejectsAColumnTwice() {
        #expect(error("product,description,start,end,USD,usd\n") == "invoice 2020-07 (example-uuid): column USD appears twice in the header")
    }

    @Test(arguments: [
        ("Droplets,web-1,2020-07-01 00:00:00 +0000,2020-07-02 00:00:00 +0000,$1.2.3,24",
         "row 3, column USD: '$1.2.3' is not an amount"),
        ("Droplets,web-1,2020-07-01 00:00:00 +0000,2020-07-02 00:00:00 +0000,$1.234,24",
         "row 3, column USD: '$1.234' is not an amount"),
        ("Droplets,web-1,2020-07-01 00:00:00 +0000,2020-07-02 00:00:00 +0000,,24",
         "row 3, column USD: '' is not an amount"),
        ("Droplets,web-1,2020-07-01 00:00:00 +0000,2020-07-02 00:00:00 +0000,$92233720368547758.07,24",
         "row 3, column USD: '$92233720368547758.07' is more than $1000000000.00, the largest amount accepted"),
        ("Droplets,web-1,2020-07-32 00:00:00 +0000,2020-08-01 00:00:00 +0000,$1.00,24",
         "row 3, column start: '2020-07-32 00:00:00 +0000' is not a time (expected YYYY-MM-DD HH:MM:SS +0000)"),
        ("Droplets,web-1,2020-07-01 00:00:00 +0000,07/31/2020,$1.00,24",
         "row 3, column end: '07/31/2020' is not a time (expected YYYY-MM-DD HH:MM:SS +0000)"),
        ("Droplets,web-1,2020-07-02 00:00:00 +0000,2020-07-01 00:00:00 +0000,$1.00,24",
         "row 3, column end: '2020-07-01 00:00:00 +0000' is before start '2020-07-02 00:00:00 +0000'"),
        ("Droplets,web-1,2020-07-01 00:00:00 +0000,2020-07-02 00:00:00 +0000,$1.00,2.5",
         "row 3, column hours: '2.5' is not a whole number of hours"),
        ("Droplets,web-1,2020-07-01 00:00:00 +0000,2020-07-02 00:00:00 +0000,$1.00,922337203685477",
         "row 3, column hours: '922337203685477' is more than 999999999, the most hours accepted"),
        (",web-1,2020-07-01 00:00:00 +0000,2020-07-02 00:00:00 +0000,$1.00,24",
         "row 3, column product: '' is empty"),
        ("Droplets,web-1,2020-07-01 00:00:00 +0000,$1.00,24",
         "row 3: 5 fields where the header has 6"),
    ] as [(String, String)])
    func aMalformedRowNamesRowColumnAndValue(row: String, message: String) {
        let text = "product,description,start,end,USD,hours\nTaxes,GST (10%),2020-07-01 00:00:00 +0000,2020-07-31 23:59:59 +0000,$0.16,\n\(row)\n"
        #expect(error(text) == "invoice 2020-07 (example-uuid): \(message)")
    }

    @Test func rejectsBytesThatAreNotUTF8() {
        #expect(throws: CostIngestionError.badHeader(source: source, problem: "the file is not UTF-8 text")) {
            try InvoiceCSV.parse(data: Data([0x70, 0xFF, 0xFE, 0x0A]), source: source)
        }
    }
}
