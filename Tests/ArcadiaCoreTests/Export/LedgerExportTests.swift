import CoreTestSupport
@testable import ArcadiaCore
import DigitalOcean
import GRDB
import Testing

@Suite struct LedgerExportTests {
    @Test func valuesThatWouldBreakALineAreEscaped() {
        #expect(LedgerExport.escape("a\tb\nc\\d\re") == #"a\tb\nc\\d\re"#)
        #expect(LedgerExport.escape("plain") == "plain")
    }

    @Test func rowsAreOrderedByMeaningNotByInsertion() throws {
        let ledger = try Ledger()
        try ledger.writer.write { db in
            _ = try InventoryStore.reconcile(db, kind: .droplet, observed: [
                InventoryFixtures.droplet(2, name: "zeta"), InventoryFixtures.droplet(1, name: "alpha"),
            ], at: InventoryFixtures.t0)
        }
        let inventory = try LedgerExport.export(ledger).first { $0.name == "inventory.tsv" }!.content
        let lines = inventory.split(separator: "\n")
        #expect(lines[0].hasPrefix("kind\tname\tprovider_id\tstatus"))
        #expect(lines[1].hasPrefix("droplet\talpha\t1\tactive\tsyd1\ts-1vcpu-1gb\t\t"), "NULL project is an empty field")
        #expect(lines[2].hasPrefix("droplet\tzeta\t2\t"))
    }
}
