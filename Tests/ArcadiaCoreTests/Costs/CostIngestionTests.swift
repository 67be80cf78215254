import ArcadiaCore
import CoreTestSupport
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing

/// The engine's jobs: headers, idempotent re-ingest, atomic failure and retry, the invariant, balance.
@Suite struct CostIngestionTests {
    let ledger = try! Ledger()
    let source = FakeInvoiceSource()
    let april = InvoiceHeader(uuid: "inv-2026-04", invoiceID: "6173678", period: "2026-04", amountCents: 3_016)
    let may = InvoiceHeader(uuid: "inv-2026-05", invoiceID: "6180001", period: "2026-05", amountCents: 600)

    func engine(at time: Timestamp = Timestamp(year: 2026, month: 5, day: 2, hour: 2, minute: 23)) -> CostIngestion {
        CostIngestion(ledger: ledger, clock: .fixed(time), source: source)
    }

    func day(_ day: Int) -> Timestamp { Timestamp(year: 2026, month: 4, day: day) }

    var aprilCSV: String {
        InvoiceCSVText.file([
            InvoiceCSVText.row("Droplets", "web-1 (s-1vcpu-1gb)", hours: 720, day(1), day(30) + 86_400, "$6.00"),
            InvoiceCSVText.row("Droplets", "api-1 (s-2vcpu-4gb)", hours: 720, day(1), day(30) + 86_400, "$24.00"),
            InvoiceCSVText.row("Taxes", "STATE SALES TAX (6.25%)", hours: nil, day(1), day(30) + 86_399, "$0.16"),
        ])
    }

    /// The same data with the columns in another order and the older 8-column layout.
    var aprilCSVShuffled: String {
        """
        USD,end,start,hours,description,product,project_name,group_description,category
        $6.00,2026-05-01 00:00:00 +0000,2026-04-01 00:00:00 +0000,720,web-1 (s-1vcpu-1gb),Droplets,,,iaas
        $24.00,2026-05-01 00:00:00 +0000,2026-04-01 00:00:00 +0000,720,api-1 (s-2vcpu-4gb),Droplets,,,iaas
        $0.16,2026-04-30 23:59:59 +0000,2026-04-01 00:00:00 +0000,,STATE SALES TAX (6.25%),Taxes,,,iaas

        """
    }

    var aprilCSVCorrupted: String { aprilCSV.replacingOccurrences(of: "$24.00", with: "$2.4.00") }

    /// (id, line_no, description, matched id) for every stored line, by id.
    func storedLines() throws -> [String] {
        try ledger.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, line_no, description, matched_resource_id FROM cloud_cost_lines ORDER BY id").map {
                "\($0[0] as Int64) \($0[1] as Int) \($0[2] as String) \(($0[3] as Int64?).map(String.init) ?? "-")"
            }
        }
    }

    func invoiceState(_ uuid: String) throws -> String {
        try ledger.writer.read { db in
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT ingested_at, line_count, ingest_error FROM cloud_invoices WHERE invoice_uuid = ?
                """, arguments: [uuid]))
            return "\(row[0] as String? ?? "not ingested") lines=\(row[1] as Int) error=\(row[2] as String? ?? "none")"
        }
    }

    func addDroplet(named name: String, id: Int) throws {
        try ledger.writer.write { db in
            _ = try InventoryStore.reconcile(db, kind: .droplet, observed: [InventoryFixtures.droplet(id, name: name)], at: day(1))
        }
    }

    @Test func reIngestingTheSameInvoiceChangesNoLine() async throws {
        try addDroplet(named: "web-1", id: 1)
        await source.publish(april, csv: aprilCSV)
        let first = await engine().ingestNewInvoices()
        #expect(first.ingested.map(\.linesRewritten) == [true])
        let lines = try storedLines()
        #expect(lines == ["1 1 web-1 (s-1vcpu-1gb) 1", "2 2 api-1 (s-2vcpu-4gb) -", "3 3 STATE SALES TAX (6.25%) -"])

        let again = try await engine(at: Timestamp(year: 2026, month: 5, day: 3)).ingest(invoiceUUID: april.uuid)
        #expect(!again.linesRewritten)
        #expect(again.rate == first.ingested[0].rate)
        #expect(try storedLines() == lines)

        await source.replaceCSV(uuid: april.uuid, with: aprilCSVShuffled)
        let shuffled = try await engine().ingest(invoiceUUID: april.uuid)
        #expect(!shuffled.linesRewritten, "the same data in another column order is the same line set")
        #expect(try storedLines() == lines)
        #expect(try invoiceState(april.uuid) == "2026-05-02T02:23:00Z lines=3 error=none")
    }

    @Test func aLaterRunOnlyIngestsWhatIsNew() async throws {
        await source.publish(april, csv: aprilCSV)
        _ = await engine().ingestNewInvoices()
        await source.publish(may, csv: InvoiceCSVText.file([
            InvoiceCSVText.row("Droplets", "web-1 (s-1vcpu-1gb)", hours: 744, Timestamp(year: 2026, month: 5, day: 1),
                               Timestamp(year: 2026, month: 6, day: 1), "$6.00"),
        ]))
        let report = await engine(at: Timestamp(year: 2026, month: 6, day: 2, hour: 2, minute: 23)).ingestNewInvoices()
        #expect(report.listed == 2)
        #expect(report.ingested.map(\.invoice.uuid) == [may.uuid])
        #expect(await source.csvFetches == [april.uuid, may.uuid])
    }

    @Test func inventoryThatAppearsLaterIsMatchedOnReIngest() async throws {
        await source.publish(april, csv: aprilCSV)
        _ = await engine().ingestNewInvoices()
        try addDroplet(named: "api-1", id: 7)
        let report = try await engine().ingest(invoiceUUID: april.uuid)
        #expect(report.linesRewritten)
        #expect(report.rate == MatchRate(matched: 1, total: 3))
        #expect(try storedLines().map { $0.split(separator: " ").dropFirst().joined(separator: " ") } ==
            ["1 web-1 (s-1vcpu-1gb) -", "2 api-1 (s-2vcpu-4gb) 1", "3 STATE SALES TAX (6.25%) -"])
    }

    @Test func aMalformedCSVLeavesThePreviousLinesAndIsRetriedNextRun() async throws {
        try addDroplet(named: "web-1", id: 1)
        await source.publish(april, csv: aprilCSV)
        _ = await engine().ingestNewInvoices()
        let before = try storedLines()

        await source.replaceCSV(uuid: april.uuid, with: aprilCSVCorrupted)
        let message = "invoice 2026-04 (inv-2026-04): row 3, column USD: '$2.4.00' is not an amount"
        await #expect(throws: CostIngestionError.badField(source: "invoice 2026-04 (inv-2026-04)", row: 3, column: "USD",
                                                          columnNumber: 7, value: "$2.4.00", problem: "is not an amount")) {
            try await engine(at: Timestamp(year: 2026, month: 5, day: 9)).ingest(invoiceUUID: april.uuid)
        }
        #expect(try storedLines() == before)
        #expect(try invoiceState(april.uuid) == "2026-05-02T02:23:00Z lines=3 error=\(message)")

        let retried = await engine(at: Timestamp(year: 2026, month: 5, day: 10)).ingestNewInvoices()
        #expect(retried.failures.map(\.error.description) == [message])
        #expect(retried.ingested.isEmpty)

        await source.replaceCSV(uuid: april.uuid, with: aprilCSV)
        let fixed = await engine(at: Timestamp(year: 2026, month: 5, day: 11)).ingestNewInvoices()
        #expect(fixed.ingested.map(\.invoice.uuid) == [april.uuid])
        #expect(try invoiceState(april.uuid) == "2026-05-11T00:00:00Z lines=3 error=none")
        #expect(try storedLines() == before)
    }

    @Test func aFirstIngestThatFailsStoresNoLinesAndDoesNotStopTheOthers() async throws {
        await source.publish(april, csv: "product,description,start,end\n")
        await source.publish(may, csv: InvoiceCSVText.file([]))
        let report = await engine().ingestNewInvoices()
        #expect(report.failures.map(\.error.description) == [
            "invoice 2026-04 (inv-2026-04): missing required column 'USD' (header: product,description,start,end)",
        ])
        #expect(report.ingested.map(\.invoice.uuid) == [may.uuid])
        #expect(try invoiceState(april.uuid) == "not ingested lines=0 error=invoice 2026-04 (inv-2026-04): missing required column 'USD' (header: product,description,start,end)")
        #expect(try storedLines().isEmpty)
    }

    @Test func linesThatDoNotAddUpToTheInvoiceAreAFindingNotACrash() async throws {
        await source.publish(InvoiceHeader(uuid: april.uuid, invoiceID: april.invoiceID, period: april.period, amountCents: 3_017), csv: aprilCSV)
        let report = await engine().ingestNewInvoices()
        let finding = try #require(report.ingested.first?.reconciliationFinding)
        #expect(finding.differenceCents == -1)
        #expect(finding.description == "lines sum to $30.16 but the invoice amount is $30.17 (difference -$0.01)")
        #expect(try storedLines().count == 3, "DO's lines are kept all the same")
    }

    @Test func aChangedInvoiceAmountIsReconciledAgain() async throws {
        await source.publish(InvoiceHeader(uuid: april.uuid, invoiceID: april.invoiceID, period: april.period, amountCents: 3_017), csv: aprilCSV)
        _ = await engine().ingestNewInvoices()
        await source.publish(april, csv: aprilCSV)
        let report = await engine().ingestNewInvoices()
        #expect(report.ingested.map(\.invoice.amountCents) == [3_016])
        #expect(report.ingested.first?.reconciliationFinding == nil)
    }

    @Test func aFailedListingWritesNothing() async throws {
        await source.publish(april, csv: aprilCSV)
        await source.failListing(true)
        let report = await engine().ingestNewInvoices()
        #expect(report.listingError?.description == "invoice list failed: 503 service unavailable")
        let invoices = try await ledger.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cloud_invoices") }
        #expect(invoices == 0)
    }

    @Test func aHeaderWithABadPeriodIsReportedAndSkipped() async throws {
        await source.publish(InvoiceHeader(uuid: "odd", invoiceID: "1", period: "2026-13", amountCents: 0), csv: aprilCSV)
        let report = await engine().ingestNewInvoices()
        #expect(report.failures.map(\.error.description) == ["invoice odd: period '2026-13' is not YYYY-MM"])
        #expect(report.ingested.isEmpty)
    }

    @Test func ingestingAnUnlistedInvoiceIsAnError() async {
        await #expect(throws: CostIngestionError.unknownInvoice(uuid: "nope")) { try await engine().ingest(invoiceUUID: "nope") }
    }

    @Test func aBalanceSnapshotIsOneRowTakenAtTheEngineClock() async throws {
        let taken = try await engine(at: Timestamp(year: 2026, month: 4, day: 9, hour: 15, minute: 7)).snapshotBalance()
        #expect(taken.figures.monthToDateBalanceCents == 2_344)
        let row = try ledger.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM cloud_balance_snapshots")
        }
        #expect(row?["taken_at"] == "2026-04-09T15:07:00Z")
        #expect(row?["month_to_date_balance_cents"] == 2_344)
        #expect(row?["account_balance_cents"] == 1_223)
        #expect(row?["month_to_date_usage_cents"] == 1_121)
        #expect(row?["generated_at"] == "2026-04-09T15:00:00Z")
    }

    /// Found by `arcadia fuzz` (re-running any job at any instant writes nothing new): a second
    /// reading at an instant already read stored a second row.
    @Test func aSecondReadingAtTheSameInstantStoresNothing() async throws {
        let at = Timestamp(year: 2026, month: 4, day: 9, hour: 15, minute: 7)
        try await engine(at: at).snapshotBalance()
        try await engine(at: at).snapshotBalance()
        try await engine(at: at + 3_600).snapshotBalance()
        let taken = try await ledger.writer.read { db in try String.fetchAll(db, sql: "SELECT taken_at FROM cloud_balance_snapshots ORDER BY id") }
        #expect(taken == ["2026-04-09T15:07:00Z", "2026-04-09T16:07:00Z"])
    }
}
