import GRDB
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// Migration `v10-balance-one-per-instant`: readings already on record stay, one instant holds one
/// reading, and a ledger that somehow held two is refused, untouched.
@Suite struct BalanceSnapshotSchemaTests {
    private static let insert = """
        INSERT INTO cloud_balance_snapshots
            (taken_at, month_to_date_balance_cents, account_balance_cents, month_to_date_usage_cents, generated_at)
        VALUES (?, 1, 2, 3, ?)
        """

    @Test func readingsStayAndAnInstantHoldsOne() throws {
        let queue = try DatabaseQueue()
        try LedgerSchema.migrator.migrate(queue, upTo: "v9-invoice-price-book")
        let t0 = Timestamp(year: 2026, month: 4, day: 1, hour: 0, minute: 7)
        try queue.write { db in
            for hour in 0..<3 { try db.execute(sql: Self.insert, arguments: [t0 + Int64(hour) * 3_600, t0]) }
        }
        try LedgerSchema.migrator.migrate(queue)
        try queue.write { db in
            let rerun = BalanceSnapshot(takenAt: t0 + 3_600, figures: BalanceFigures(monthToDateBalanceCents: 9, accountBalanceCents: 9,
                                                                                     monthToDateUsageCents: 9, generatedAt: t0))
            try rerun.insertUnlessTaken(db)
            #expect(try BalanceSnapshot.fetchAll(db).map(\.figures.accountBalanceCents) == [2, 2, 2], "the re-run stored nothing")
            #expect(throws: DatabaseError.self) { try db.execute(sql: Self.insert, arguments: [t0, t0]) }
        }
    }

    @Test func aLedgerWithTwoReadingsOfAnInstantIsRefusedUntouched() throws {
        let queue = try DatabaseQueue()
        try LedgerSchema.migrator.migrate(queue, upTo: "v9-invoice-price-book")
        let t0 = Timestamp(year: 2026, month: 4, day: 1, hour: 0, minute: 7)
        try queue.write { db in
            try db.execute(sql: Self.insert, arguments: [t0, t0])
            try db.execute(sql: Self.insert, arguments: [t0, t0])
        }
        #expect(throws: DatabaseError.self) { try LedgerSchema.migrator.migrate(queue) }
        let (count, applied, unique) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cloud_balance_snapshots"), try LedgerSchema.migrator.appliedMigrations(db).last,
             try Bool.fetchOne(db, sql: "SELECT \"unique\" FROM pragma_index_list('cloud_balance_snapshots')"))
        }
        #expect(count == 2 && applied == "v9-invoice-price-book" && unique == false)
    }
}
