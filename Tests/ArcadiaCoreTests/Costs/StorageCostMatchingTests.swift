import ArcadiaCore
import CoreTestSupport
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing

/// Volume, snapshot and backup lines, as the fake bills them, matched to an inventory of those kinds.
@Suite struct StorageCostMatchingTests {
    let ledger = try! Ledger()
    let source = FakeInvoiceSource()
    let t0 = InventoryFixtures.t0
    let april = InvoiceHeader(uuid: "inv-2026-04", invoiceID: "6173679", period: "2026-04", amountCents: 1_503)

    func day(_ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Timestamp {
        Timestamp(year: 2026, month: 4, day: day, hour: hour, minute: minute)
    }

    func resource(_ kind: ResourceKind, _ id: String, _ name: String) -> ObservedResource {
        ObservedResource(kind: kind, providerID: id, name: name, status: "available", region: "syd1")
    }

    func buildInventory() throws {
        try ledger.writer.write { db in
            _ = try InventoryStore.reconcile(db, kind: .droplet, observed: [InventoryFixtures.droplet(1, name: "web-1")], at: t0)
            _ = try InventoryStore.reconcile(db, kind: .volume, observed: [resource(.volume, "vol-uuid", "pgdata")], at: t0)
            _ = try InventoryStore.reconcile(db, kind: .snapshot, observed: [
                resource(.snapshot, "150000123", "web-1-pre"), resource(.snapshot, "snap-uuid", "pgdata-nightly"),
            ], at: day(2, 0, 33))
        }
    }

    @Test func volumeSnapshotAndBackupLinesMatchTheirResources() async throws {
        try buildInventory()
        let end = Timestamp(year: 2026, month: 5, day: 1)
        await source.publish(april, csv: InvoiceCSVText.file([
            InvoiceCSVText.row("Droplet Backups", "web-1 (Weekly Backup Services)", hours: 720, day(1), end, "$1.20"),
            InvoiceCSVText.row("Volumes", "pgdata (syd1) 100GB", hours: 720, day(1), end, "$10.00"),
            InvoiceCSVText.row("Droplet Snapshots", "web-1-pre (syd1) 2.34GB", hours: 695, day(2), end, "$0.14"),
            InvoiceCSVText.row("Volume Snapshots", "pgdata-nightly (syd1) 61.5GB", hours: 671, day(2), end, "$3.68"),
            InvoiceCSVText.row("Droplet Snapshots", "brief (syd1) 2.1GB", hours: 1, day(3, 10), day(3, 10, 40), "$0.01"),
        ]))
        let engine = CostIngestion(ledger: ledger, clock: .fixed(Timestamp(year: 2026, month: 5, day: 1, hour: 2, minute: 23)), source: source)
        let match = try #require(await engine.ingestNewInvoices().ingested.first)
        #expect(match.rate == MatchRate(matched: 4, total: 5))
        #expect(match.unmatched.map { "\($0.lineNo) \($0.kind): \($0.reason.text)" } == [
            "5 snapshot: destroyed before the first sync saw it",
        ], "a 40-minute snapshot may have lived between two hourly snapshot syncs")
        let lines = try await ledger.writer.read { try CostLineStore.lines($0, invoiceUUID: "inv-2026-04") }
        #expect(lines.map(\.kind) == [.dropletBackup, .volume, .snapshot, .snapshot, .snapshot])
        let names = try await ledger.writer.read { db in
            try lines.map { line in
                try line.matchedResourceID.flatMap {
                    try String.fetchOne(db, sql: "SELECT kind || ':' || name FROM cloud_resources WHERE id = ?", arguments: [$0])
                }
            }
        }
        #expect(names == ["droplet:web-1", "volume:pgdata", "snapshot:web-1-pre", "snapshot:pgdata-nightly", nil])
        #expect(match.reconciliationFinding == nil)
    }
}
