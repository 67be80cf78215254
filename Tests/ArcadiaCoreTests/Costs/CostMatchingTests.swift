import ArcadiaCore
import CoreTestSupport
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing

/// Matching invoice lines to an inventory built through the real upsert chokepoint.
@Suite struct CostMatchingTests {
    let ledger = try! Ledger()
    let source = FakeInvoiceSource()
    let t0 = InventoryFixtures.t0
    let april = InvoiceHeader(uuid: "inv-2026-04", invoiceID: "6173678", period: "2026-04", amountCents: 5_514)

    var engine: CostIngestion {
        CostIngestion(ledger: ledger, clock: .fixed(Timestamp(year: 2026, month: 5, day: 2, hour: 2, minute: 23)), source: source)
    }

    func day(_ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Timestamp {
        Timestamp(year: 2026, month: 4, day: day, hour: hour, minute: minute)
    }

    /// web-1 and DB-Primary live all month; old-web is destroyed in the first hour (stale after
    /// three missed listings); the name `reuse` belongs to droplet 5 (destroyed at once) and then
    /// to droplet 6, created on the 10th.
    func buildInventory() throws {
        let live = [InventoryFixtures.droplet(1, name: "web-1"), InventoryFixtures.droplet(2, name: "DB-Primary")]
        try ledger.writer.write { db in
            _ = try InventoryStore.reconcile(db, kind: .droplet, observed: live + [InventoryFixtures.droplet(4, name: "old-web"),
                                                                                    InventoryFixtures.droplet(5, name: "reuse")], at: t0)
            for minutes: Int64 in [15, 30, 45] {
                _ = try InventoryStore.reconcile(db, kind: .droplet, observed: live, at: t0 + minutes * 60)
            }
            _ = try InventoryStore.reconcile(db, kind: .droplet, observed: live + [InventoryFixtures.droplet(6, name: "reuse")], at: day(10, 0, 15))
        }
    }

    func resourceID(providerID: String) throws -> Int64? {
        try ledger.writer.read { try Int64.fetchOne($0, sql: "SELECT id FROM cloud_resources WHERE provider_id = ?", arguments: [providerID]) }
    }

    var aprilCSV: String {
        let end = Timestamp(year: 2026, month: 5, day: 1)
        return InvoiceCSVText.file([
            InvoiceCSVText.row("Droplets", "web-1 (s-1vcpu-1gb)", hours: 720, day(1), end, "$6.00"),
            InvoiceCSVText.row("Droplets", "db-primary (s-2vcpu-4gb)", hours: 720, day(1), end, "$24.00"),
            InvoiceCSVText.row("Droplet Backups", "web-1 (Weekly Backup Services)", hours: 720, day(1), end, "$1.20"),
            InvoiceCSVText.row("Droplets", "old-web (s-1vcpu-1gb)", hours: 1, day(1), day(1, 0, 50), "$0.01"),
            InvoiceCSVText.row("Droplets", "reuse (s-1vcpu-1gb)", hours: 504, day(10), end, "$4.50"),
            InvoiceCSVText.row("Droplets", "flash-1 (s-1vcpu-1gb)", hours: 1, day(10, 10, 1), day(10, 10, 9), "$0.01"),
            InvoiceCSVText.row("Droplets", "ghost-9 (s-1vcpu-1gb)", hours: 432, day(2), day(20), "$3.86"),
            InvoiceCSVText.row("Spaces Subscription", "Spaces ($5/mo 250GB storage & 1TB bandwidth)", hours: 720, day(1), end, "$5.00"),
            InvoiceCSVText.row("App Platform", "my-app", hours: 720, day(1), end, "$5.00"),
            InvoiceCSVText.row("Taxes", "GST (10%)", hours: nil, day(1), end - 1, "$5.56"),
        ])
    }

    @Test func matchesByKindAndNameAndExplainsEveryUnmatchedLine() async throws {
        try buildInventory()
        await source.publish(april, csv: aprilCSV)
        let report = await engine.ingestNewInvoices()
        #expect(report.failures.isEmpty)
        let match = try #require(report.ingested.first)
        #expect(match.rate == MatchRate(matched: 5, total: 10))
        #expect(match.rate.description == "5/10 (50.0%)")
        #expect(match.unmatched.map { "\($0.lineNo) \($0.kind): \($0.reason.text)" } == [
            "6 droplet: destroyed before the first sync saw it",
            "7 droplet: no resource named 'ghost-9' of kind droplet",
            "8 spaces_bucket: account-level subscription",
            "9 other: product 'App Platform' is not an inventoried kind",
            "10 tax: tax",
        ])
        #expect(match.lineSumCents == 5_514)
        #expect(match.reconciliationFinding == nil)

        let lines = try await ledger.writer.read { try CostLineStore.lines($0, invoiceUUID: "inv-2026-04") }
        let expected: [Int64?] = [try resourceID(providerID: "1"), try resourceID(providerID: "2"), try resourceID(providerID: "1"),
                                  try resourceID(providerID: "4"), try resourceID(providerID: "6"), nil, nil, nil, nil, nil]
        #expect(lines.map(\.matchedResourceID) == expected, "backup → its droplet; destroyed old-web still matches; reused name → the live one")
        #expect(lines.map(\.kind) == [.droplet, .droplet, .dropletBackup, .droplet, .droplet, .droplet, .droplet, .spacesBucket, .other, .tax])
        #expect(lines[9].hours == nil)
        #expect(lines[0].startAt == Timestamp(year: 2026, month: 4, day: 1))
    }

    @Test func aLineThatEndedBeforeItsKindWasFirstSyncedWasDestroyedUnseen() async throws {
        try buildInventory()
        let march = InvoiceHeader(uuid: "inv-2026-03", invoiceID: "6173001", period: "2026-03", amountCents: 1_600)
        await source.publish(march, csv: InvoiceCSVText.file([
            InvoiceCSVText.row("Droplets", "gone-1 (s-1vcpu-1gb)", hours: 456, Timestamp(year: 2026, month: 3, day: 1),
                               Timestamp(year: 2026, month: 3, day: 20), "$6.00"),
            InvoiceCSVText.row("Volumes", "data-1 (syd1) 100GB", hours: 744, Timestamp(year: 2026, month: 3, day: 1),
                               Timestamp(year: 2026, month: 4, day: 1), "$10.00"),
        ]))
        let match = try #require(await engine.ingestNewInvoices().ingested.first)
        #expect(match.unmatched.map(\.reason) == [
            .destroyedBeforeFirstSync,
            .noSuchResource(name: "data-1", kind: .volume),
        ], "no volume was ever inventoried, so there is no evidence it was destroyed unseen")
        #expect(match.rate.percentText == "0.0%")
    }

    @Test func theSyncWindowIsPolicy() async throws {
        try buildInventory()
        await source.publish(april, csv: aprilCSV)
        let strict = CostIngestion(ledger: ledger, clock: .fixed(day(30)), source: source, policy: MatchPolicy(defaultSyncWindow: 60))
        let match = try #require(await strict.ingestNewInvoices().ingested.first)
        #expect(match.unmatched[0].reason == .noSuchResource(name: "flash-1", kind: .droplet),
                "an 8-minute droplet must have been seen by a sync running every minute")
    }
}
