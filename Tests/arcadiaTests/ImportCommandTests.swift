import ArcadiaCore
import CoreTestSupport
import Foundation
import GRDB
import MoneyAndTime
import Testing
import TestSupport
@testable import arcadia

/// `arcadia import do-invoice` and `arcadia import tenants` on ledger files: created when missing,
/// byte for byte unchanged by a repeat or by bad input, a foreign file refused.
@Suite struct ImportCommandTests {
    let folder = try! RepoPaths.temporaryDirectory("import-command")
    let clock = EngineClock.fixed(Timestamp(year: 2026, month: 6, day: 1, hour: 9))
    var db: String { folder.appendingPathComponent("history.sqlite").path }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func write(_ text: String, _ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func failure(_ body: () throws -> String) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func importsDOsExportIntoANewLedgerAndSaysWhatItAdded() throws {
        let output = try ImportInvoiceCommand.importFiles([InvoiceExportFixture.referencePath], db: db, clock: clock)
        #expect(output == """
            Imported into \(db):

            \(InvoiceExportFixture.referencePath): 2020-07 added
              lines: 2, $3.27, written
              kinds: floating_ip 1, tax 1
              matched: 0/2 (0.0%)
              reconciliation: lines sum to the invoice amount
              unmatched:
                line 1  floating_ip  Unused Floating IP - 1.1.1.1  $3.11: no resource named '1.1.1.1' of kind floating_ip
                line 2  tax  STATE SALES TAX (6.25%)  $0.16: tax

            """)
        #expect(Ledger.isLedgerFile(atPath: db))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".history.sqlite.arcadia-partial").path))
    }

    @Test func importingTheSameFilesAgainLeavesTheLedgerFileByteForByte() throws {
        let files = ["2019-03-eight-columns.csv", "2019-04-eight-columns.csv"].map { InvoiceExportFixture.path($0) }
        _ = try ImportInvoiceCommand.importFiles(files, db: db, clock: clock)
        let before = try bytes(db)
        let later = EngineClock.fixed(Timestamp(year: 2026, month: 7, day: 1))
        let again = try ImportInvoiceCommand.importFiles(files.reversed(), db: db, clock: later)
        #expect(again.hasPrefix("Nothing to import into \(db)"))
        #expect(again.contains("2019-04 unchanged (imported before, same lines)"))
        let shuffled = try ImportInvoiceCommand.importFiles([InvoiceExportFixture.path("2019-03-eight-columns-shuffled.csv")], db: db, clock: later)
        #expect(shuffled.contains("2019-03 unchanged"))
        #expect(try bytes(db) == before)
    }

    @Test func badInputPrintsFileRowAndColumnAndLeavesTheLedgerByteForByte() throws {
        _ = try ImportInvoiceCommand.importFiles([InvoiceExportFixture.path("2019-04-eight-columns.csv")], db: db, clock: clock)
        let before = try bytes(db)
        let header = "product,group_description,description,hours,start,end,USD,project_name,category\n"
        let row = "Droplets,,web-1 (s-1vcpu-1gb),744,2026-03-01 00:00:00 +0000,2026-04-01 00:00:00 +0000,$5.00,,iaas\n"
        let cases: [(text: String, message: String)] = [
            (header + row.replacingOccurrences(of: "$5.00", with: "5 dollars"), "bad.csv:2:7: column USD: '5 dollars' is not an amount"),
            (header + row.replacingOccurrences(of: "2026-03-01 00:00:00", with: "2026-13-01 00:00:00"),
             "bad.csv:2:5: column start: '2026-13-01 00:00:00 +0000' is not a time (expected YYYY-MM-DD HH:MM:SS +0000)"),
            (header.replacingOccurrences(of: ",start,", with: ",begin,") + row,
             "bad.csv:1:1: missing required column 'start' (header: product,group_description,description,hours,begin,end,USD,project_name,category)"),
            (header + row + String(row.prefix(40)),
             "bad.csv:3:6: column end: missing, the row has 5 fields where the header has 9 (a truncated file, or an unterminated quote)"),
        ]
        for (text, message) in cases {
            let bad = try write(text, "bad.csv")
            let good = InvoiceExportFixture.path("2019-03-eight-columns.csv")
            let printed = failure { try ImportInvoiceCommand.importFiles([good, bad], db: db, clock: clock) }
            #expect(printed == folder.path + "/" + message)
            #expect(try bytes(db) == before, "nothing of \(good) either")
        }
        let fresh = folder.appendingPathComponent("never.sqlite").path
        #expect(failure { try ImportInvoiceCommand.importFiles([try write(cases[0].text, "bad.csv")], db: fresh, clock: clock) } != nil)
        #expect(!FileManager.default.fileExists(atPath: fresh), "a failed import creates no ledger")
    }

    @Test func aFileThatIsNotALedgerIsRefusedAndUntouched() throws {
        let notes = try write("my notes\n", "notes.txt")
        let printed = failure { try ImportInvoiceCommand.importFiles([InvoiceExportFixture.referencePath], db: notes, clock: clock) }
        #expect(printed == "refusing --db \(notes): it exists and is not an arcadia ledger; only a ledger is ever replaced (nothing was touched)")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes\n")
    }

    @Test func derivedUsageIsPrintedWithTheLinesNoDeploymentOwns() throws {
        let tenants = try write("""
            tenants: [{code: acme, name: Acme, country: AU}]
            deployments: [{code: acme-shop, tenant: acme, name: Shop, project: acme-shop}]

            """, "tenants.yaml")
        _ = try ImportTenantsCommand.importFile(tenants, db: db)
        let map = try write("\"shop-web-*\": acme-shop\n", "map.yaml")
        let output = try ImportInvoiceCommand.importFiles([InvoiceExportFixture.path("2019-03-eight-columns.csv")], db: db, deriveUsage: true,
                                                          projectMap: map, clock: clock)
        #expect(output.contains("""
              derived usage: 2 records, written
                line 1  acme-shop  droplet_hours 744  2019-03-01T00:00:00Z to 2019-04-01T00:00:00Z  (no inventoried resource)
                line 4  acme-shop  snapshot_gb_month 1.17  2019-03-16T12:00:00Z to 2019-04-01T00:00:00Z  (no inventoried resource)
              usage with no deployment (not derived; give --project-map or --deployment):
                line 2  droplet  shop-db-1 (s-2vcpu-4gb): no project name, no --project-map rule for 'shop-db-1' and no --deployment
                line 6  droplet  stray-1 (s-1vcpu-1gb): no project name, no --project-map rule for 'stray-1' and no --deployment
            """))
    }

    @Test func importingTheSameTenantsFileTwiceLeavesTheLedgerByteForByte() throws {
        // Beside the tenants file: a file's price-book paths stay inside its folder (confined paths).
        _ = try write(try String(contentsOf: RepoPaths.root().appendingPathComponent("pricebooks/standard-2026.yaml"), encoding: .utf8),
                      "standard-2026.yaml")
        let tenants = try write("""
            pricebooks: [standard-2026.yaml]
            tenants: [{code: acme, name: Acme, country: AU}]
            deployments: [{code: acme-shop, tenant: acme, name: Shop, project: acme-shop}]
            subscriptions:
              - {at: 2026-01-01T00:00:00Z, subscribe: {deployment: acme-shop, plan: starter}}

            """, "tenants.yaml")
        let first = try ImportTenantsCommand.importFile(tenants, db: db)
        #expect(first == """
            Imported into \(db):
              price books: added standard-2026 (effective 2026-01-01)
              tenants: added acme
              deployments: added acme-shop
              subscriptions: 1 added, 0 ended, 0 already there
                added acme-shop: starter from 2026-01-01T00:00:00Z

            """)
        let before = try bytes(db)
        let second = try ImportTenantsCommand.importFile(tenants, db: db)
        #expect(second.hasPrefix("Nothing to import into \(db)"))
        #expect(try bytes(db) == before)

        let bad = try write("tenants: [{code: Acme, name: Acme, country: AU}]\n", "bad.yaml")
        #expect(failure { try ImportTenantsCommand.importFile(bad, db: db) }
            == "\(bad):1:18: tenants[0].code: must be lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters; found 'Acme'")
        #expect(try bytes(db) == before)
    }
}
