import Foundation
import GRDB
import Testing
@testable import ArcadiaCore

/// A new in-memory ledger is a copy of one migrated once per process: it must be the ledger the
/// migrations make, and each copy its own.
struct LedgerTemplateTests {
    private func schema(_ ledger: Ledger) throws -> [String] {
        try ledger.read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")
                + String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
    }

    @Test func aCopiedLedgerIsTheLedgerTheMigrationsMake() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("template-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let migrated = try Ledger(path: path)
        let copied = try Ledger()
        let expected = try schema(migrated)
        #expect(expected.count > 60, "tables, indexes, views and the applied migrations")
        #expect(try schema(copied) == expected)
        let foreignKeys = try copied.writer.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == true, "the copy's connection enforces foreign keys, as every ledger's does")
    }

    @Test func eachCopyIsItsOwn() throws {
        let first = try Ledger()
        try first.writer.write { db in
            try db.execute(sql: """
                INSERT INTO cloud_balance_snapshots (taken_at, month_to_date_balance_cents, account_balance_cents, month_to_date_usage_cents, generated_at)
                VALUES ('2026-04-01T00:07:00Z', 1, 1, 1, '2026-04-01T00:07:00Z')
                """)
        }
        let second = try Ledger()
        #expect(try second.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cloud_balance_snapshots") } == 0)
        #expect(try first.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cloud_balance_snapshots") } == 1)
    }
}
