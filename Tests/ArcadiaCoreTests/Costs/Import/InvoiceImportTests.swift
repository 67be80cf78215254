import CoreTestSupport
import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime
import Testing
import TestSupport
@testable import ArcadiaCore

/// `InvoiceImport`: real exports keyed by month, through the invoices job's own line-set writing;
/// idempotence; the API month refusal; and every refusal leaving the ledger untouched.
@Suite struct InvoiceImportTests {
    let ledger = try! Ledger()
    let now = Timestamp(year: 2026, month: 6, day: 1, hour: 9)

    func engine(at time: Timestamp? = nil) -> InvoiceImport { InvoiceImport(ledger: ledger, clock: .fixed(time ?? now)) }

    func export(_ name: String) throws -> InvoiceExport { InvoiceExport(file: name, data: try InvoiceExportFixture.data(name)) }

    func text(_ file: String, _ csv: String) -> InvoiceExport { InvoiceExport(file: file, data: Data(csv.utf8)) }

    /// (id, period, line_no, kind, match) of every stored line, by id: ids prove what was rewritten.
    func lines() throws -> [String] {
        try ledger.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.id, i.period, l.line_no, l.kind, l.match_status FROM cloud_cost_lines l JOIN cloud_invoices i ON i.id = l.cloud_invoice_id
                ORDER BY l.id
                """).map { "\($0[0] as Int64) \($0[1] as String) \($0[2] as Int) \($0[3] as String) \($0[4] as String)" }
        }
    }

    func invoices() throws -> [String] {
        try ledger.writer.read { db in
            try CloudInvoice.order(CloudInvoice.Columns.period).fetchAll(db).map {
                "\($0.invoiceUUID) \($0.period) \($0.amountCents) \($0.origin.rawValue) lines=\($0.lineCount) at=\($0.ingestedAt.map(\.iso8601) ?? "-")"
            }
        }
    }

    func changes() throws -> Int { try InventoryFixtures.totalChanges(ledger) }

    @Test func dosOwnNineColumnExportIsOneMonthKeyedByItsPeriod() throws {
        let report = try engine().run([InvoiceExport(file: "invoice.csv", data: try Fixture.data("invoice.csv"))])
        let month = try #require(report.months.first)
        #expect(month.period.description == "2020-07")
        #expect(month.action == .added)
        #expect(month.kinds.map { "\($0.kind) \($0.lines)" } == ["floating_ip 1", "tax 1"])
        #expect(month.match.rate.description == "0/2 (0.0%)")
        #expect(month.match.unmatched.map(\.reason.text) == ["no resource named '1.1.1.1' of kind floating_ip", "tax"])
        #expect(month.match.reconciliationFinding == nil, "an import's amount is the sum of its lines")
        #expect(try invoices() == ["csv-2020-07 2020-07 327 csv lines=2 at=2026-06-01T09:00:00Z"])
        #expect(try lines() == ["1 2020-07 1 floating_ip unmatched", "2 2020-07 2 tax unmatched"])
    }

    @Test func theOlderEightColumnExportParsesWithEmptyProjectAndCategoryAndMatchesInventory() throws {
        try ledger.writer.write { db in
            _ = try InventoryStore.reconcile(db, kind: .droplet, observed: [InventoryFixtures.droplet(1, name: "shop-web-1")],
                                             at: Timestamp(year: 2019, month: 2, day: 1))
        }
        let month = try #require(try engine().run([export("2019-03-eight-columns.csv")]).months.first)
        #expect(month.period.description == "2019-03")
        #expect(month.kinds.map { "\($0.kind) \($0.lines)" } == ["droplet 3", "droplet_backup 1", "snapshot 1", "tax 1", "volume 1"])
        #expect(month.match.rate.description == "2/7 (28.6%)", "shop-web-1 and its backup line")
        #expect(month.match.lineSumCents == 2_665)
        let stored = try ledger.writer.read { db in try CostLineStore.lines(db, invoiceUUID: "csv-2019-03") }
        #expect(stored.allSatisfy { $0.projectName == nil && $0.category == nil })
        #expect(stored.map(\.matchedResourceID) == [1, nil, 1, nil, nil, nil, nil])
    }

    @Test func importingTheSameFileAgainWritesNothingAndTheSameDataWithColumnsMovedIsTheSameFile() throws {
        _ = try engine().run([export("2019-03-eight-columns.csv")])
        let lines = try lines(), invoices = try invoices(), before = try changes()

        let again = try engine(at: now + 3_600).run([export("2019-03-eight-columns.csv")])
        #expect(again.months.map(\.action) == [.unchanged])
        #expect(!again.changedLedger)
        let shuffled = try engine(at: now + 7_200).run([export("2019-03-eight-columns-shuffled.csv")])
        #expect(shuffled.months.map(\.action) == [.unchanged])
        #expect(try changes() == before, "not a row written, not even ingested_at")
        #expect(try self.lines() == lines)
        #expect(try self.invoices() == invoices)
    }

    @Test func aChangedFileReplacesThatMonthsLinesAndAmountOnly() throws {
        _ = try engine().run([export("2019-03-eight-columns.csv"), export("2019-04-eight-columns.csv")])
        let april = try lines().filter { $0.contains("2019-04") }
        let changed = String(decoding: try InvoiceExportFixture.data("2019-03-eight-columns.csv"), as: UTF8.self)
            .replacingOccurrences(of: "$8.93", with: "$9.93")
        let report = try engine(at: now + 60).run([text("2019-03-fixed.csv", changed)])
        #expect(report.months.map(\.action) == [.replaced])
        #expect(report.months[0].match.reconciliationFinding == nil)
        #expect(try invoices() == ["csv-2019-03 2019-03 2765 csv lines=7 at=2026-06-01T09:01:00Z",
                                   "csv-2019-04 2019-04 531 csv lines=2 at=2026-06-01T09:00:00Z"])
        #expect(try lines().filter { $0.contains("2019-04") } == april, "the other month keeps its rows")
        #expect(try lines().filter { $0.contains("2019-03") }.count == 7)
    }

    @Test func aMonthIngestedFromTheAPIIsRefusedUnlessReplaceAndKeepsDOsTotal() throws {
        try ledger.writer.write { db in
            try InvoiceStore.upsert(db, InvoiceHeader(uuid: "inv-2019-03", invoiceID: "5551", period: "2019-03", amountCents: 2_665))
            try InvoiceStore.markIngested(db, rowID: 1, at: Timestamp(year: 2019, month: 4, day: 2), lineCount: 0)
        }
        let before = try changes()
        #expect(throws: InvoiceImportError.apiMonth(file: "2019-03-eight-columns.csv", period: BillingPeriod("2019-03")!, invoiceUUID: "inv-2019-03")) {
            try engine().run([export("2019-03-eight-columns.csv")])
        }
        #expect(try changes() == before)

        let replaced = try engine().run([export("2019-03-eight-columns.csv")], options: .init(replace: true))
        #expect(replaced.months.map(\.action) == [.replacedAPIInvoice(uuid: "inv-2019-03")])
        #expect(replaced.months[0].match.reconciliationFinding == nil, "the file adds up to DO's listed total")
        #expect(try invoices() == ["inv-2019-03 2019-03 2665 csv lines=7 at=2026-06-01T09:00:00Z"])
        let again = try engine(at: now + 60).run([export("2019-03-eight-columns.csv")])
        #expect(again.months.map(\.action) == [.unchanged], "now an import: no --replace needed, nothing to write")
    }

    @Test func aMonthDOListsAfterItWasImportedBecomesThatInvoiceNotASecondOne() async throws {
        _ = try engine().run([export("2019-03-eight-columns.csv"), export("2019-04-eight-columns.csv")])
        let lines = try lines()
        let source = FakeInvoiceSource()
        await source.publish(InvoiceHeader(uuid: "inv-2019-03", invoiceID: "5551", period: "2019-03", amountCents: 2_665),
                             csv: String(decoding: try InvoiceExportFixture.data("2019-03-eight-columns.csv"), as: UTF8.self))
        await source.publish(InvoiceHeader(uuid: "inv-2019-04", invoiceID: "5552", period: "2019-04", amountCents: 600),
                             csv: String(decoding: try InvoiceExportFixture.data("2019-04-eight-columns.csv"), as: UTF8.self)
                                .replacingOccurrences(of: "$0.31", with: "$1.00"))
        let report = await CostIngestion(ledger: ledger, clock: .fixed(now + 86_400), source: source).ingestNewInvoices()
        #expect(report.ingested.map(\.invoice.uuid) == ["inv-2019-04"], "March's total matches the import's lines: nothing to ingest")
        #expect(try invoices() == ["inv-2019-03 2019-03 2665 csv lines=7 at=2026-06-01T09:00:00Z",
                                   "inv-2019-04 2019-04 600 api lines=2 at=2026-06-02T09:00:00Z"])
        #expect(try self.lines().filter { $0.contains("2019-03") } == lines.filter { $0.contains("2019-03") }, "same rows, same ids")
    }

    @Test func anIngestFromTheAPIMakesAReplacedMonthTheAPIsAgain() async throws {
        let source = FakeInvoiceSource()
        let header = InvoiceHeader(uuid: "inv-2019-04", invoiceID: "5552", period: "2019-04", amountCents: 531)
        await source.publish(header, csv: String(decoding: try InvoiceExportFixture.data("2019-04-eight-columns.csv"), as: UTF8.self))
        let job = CostIngestion(ledger: ledger, clock: .fixed(now), source: source)
        _ = await job.ingestNewInvoices()
        _ = try engine().run([export("2019-04-eight-columns.csv")], options: .init(replace: true))
        #expect(try invoices().map { $0.contains(" csv ") } == [true])
        _ = try await job.ingest(invoiceUUID: "inv-2019-04")
        #expect(try invoices() == ["inv-2019-04 2019-04 531 api lines=2 at=2026-06-01T09:00:00Z"])
    }

    static let header = "product,group_description,description,hours,start,end,USD,project_name,category"
    static let good = "Droplets,,web-1 (s-1vcpu-1gb),744,2026-03-01 00:00:00 +0000,2026-04-01 00:00:00 +0000,$5.00,,iaas"

    static let refusals: [(csv: String, message: String)] = [
        ("\(header)\n\(good)\nDroplets,,web-2 (s-1vcpu-1gb),744,2026-03-01 00:00:00 +0000,2026-04-01 00:00:00 +0000,$2.4.00,,iaas\n",
         "bad.csv:3:7: column USD: '$2.4.00' is not an amount"),
        ("\(header)\n\(good)\nDroplets,,web-2 (s-1vcpu-1gb),744,2026-03-01 00:00:00 +0000,2026-03-32 00:00:00 +0000,$2.40,,iaas\n",
         "bad.csv:3:6: column end: '2026-03-32 00:00:00 +0000' is not a time (expected YYYY-MM-DD HH:MM:SS +0000)"),
        ("product,description,hours,start,end,project_name\n\(good)\n",
         "bad.csv:1:1: missing required column 'USD' (header: product,description,hours,start,end,project_name)"),
        ("\(header)\n\(good)\nDroplets,,web-2 (s-1vcpu-1gb),744,2026-03-01 00:0",
         "bad.csv:3:6: column end: missing, the row has 5 fields where the header has 9 (a truncated file, or an unterminated quote)"),
        ("\(header)\n\(good)\nDroplets,,web-2 (s-1vcpu-1gb),744,2026-04-01 00:00:00 +0000,2026-04-02 00:00:00 +0000,$0.20,,iaas\n",
         "bad.csv:3:5: column start: '2026-04-01 00:00:00 +0000' is outside 2026-03, the month of row 2; an export holds one billing month (split it, one file per month)"),
        ("\(header)\n\(good)\nDroplets,,web-2 (s-1vcpu-1gb),744,2026-03-31 00:00:00 +0000,2026-04-01 00:00:01 +0000,$0.20,,iaas\n",
         "bad.csv:3:6: column end: '2026-04-01 00:00:01 +0000' is outside 2026-03, the month of row 2; an export holds one billing month (split it, one file per month)"),
        ("\(header)\n", "bad.csv:1:1: the export has a header but no rows, so no billing month to key it by"),
    ]

    @Test(arguments: 0..<refusals.count)
    func badInputIsNamedByFileRowAndColumnAndWritesNothing(_ index: Int) throws {
        _ = try engine().run([export("2019-04-eight-columns.csv")])
        let before = try changes(), invoices = try invoices()
        let refusal = Self.refusals[index]
        do {
            _ = try engine(at: now + 60).run([export("2019-03-eight-columns.csv"), text("bad.csv", refusal.csv)])
            Issue.record("imported \(refusal.message)")
        } catch {
            #expect("\(error)" == refusal.message)
        }
        #expect(try changes() == before, "nothing of the good first file either")
        #expect(try self.invoices() == invoices)
    }

    @Test func aRefusalAfterAnEarlierMonthWasWrittenRollsThatMonthBack() throws {
        try ledger.writer.write { db in
            try InvoiceStore.upsert(db, InvoiceHeader(uuid: "inv-2019-04", invoiceID: "5552", period: "2019-04", amountCents: 531))
        }
        let before = try ledger.rowCounts().map { "\($0.table) \($0.rows)" }
        #expect(throws: InvoiceImportError.self) {
            try engine().run([export("2019-03-eight-columns.csv"), export("2019-04-eight-columns.csv")])
        }
        #expect(try ledger.rowCounts().map { "\($0.table) \($0.rows)" } == before, "2019-03 was written, then rolled back")
        #expect(try invoices() == ["inv-2019-04 2019-04 531 api lines=0 at=-"])
    }

    @Test func twoFilesOfOneMonthAreRefused() throws {
        #expect(throws: InvoiceImportError.sameMonthTwice(file: "2019-03-eight-columns-shuffled.csv", period: BillingPeriod("2019-03")!,
                                                          otherFile: "2019-03-eight-columns.csv")) {
            try engine().run([export("2019-03-eight-columns.csv"), export("2019-03-eight-columns-shuffled.csv")])
        }
        #expect(try invoices().isEmpty)
    }

    /// A month still running is no invoice DO has issued: it used to be imported (its lines ending
    /// on the next month's first) and then repriced as a whole month.
    @Test func aMonthThatHasNotEndedIsRefusedAndAFileNamedTwiceIsSaidSo() throws {
        let inMarch = Timestamp(year: 2019, month: 3, day: 20)
        let error = #expect(throws: InvoiceImportError.self) { try engine(at: inMarch).run([export("2019-03-eight-columns.csv")]) }
        #expect(error?.description == "2019-03-eight-columns.csv: holds 2019-03, which has not ended (it is 2019-03-20T00:00:00Z); "
                    + "DigitalOcean invoices a month once it is over")
        #expect(try engine(at: Timestamp(year: 2019, month: 4, day: 1)).run([export("2019-03-eight-columns.csv")]).months.count == 1,
                "once the month is over it is imported")
        let twice = #expect(throws: InvoiceImportError.self) {
            try engine().run([export("2019-04-eight-columns.csv"), export("2019-04-eight-columns.csv")])
        }
        #expect(twice?.description == "2019-04-eight-columns.csv is named twice; name each export once")
    }

    @Test func theInvoicesJobAndTheImportShareOneLineSetWriter() throws {
        // Same lines through both paths give the same stored columns (only the invoice row differs).
        let csv = try InvoiceExportFixture.data("2019-04-eight-columns.csv")
        _ = try engine().run([InvoiceExport(file: "april.csv", data: csv)])
        let imported = try ledger.writer.read { db in try CostLineStore.lines(db, invoiceUUID: "csv-2019-04") }
        let other = try Ledger()
        let viaJob = try other.writer.write { db in
            try InvoiceStore.upsert(db, InvoiceHeader(uuid: "inv", invoiceID: "1", period: "2019-04", amountCents: 531))
            let invoice = try #require(try InvoiceStore.fetch(db, uuid: "inv"))
            return try InvoiceLineSet.write(db, invoice: invoice, lines: try InvoiceCSV.parse(data: csv, source: "x"), policy: .production).lines
        }
        #expect(imported == viaJob)
    }
}
