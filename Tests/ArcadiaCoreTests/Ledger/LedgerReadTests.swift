import GRDB
import GRDBSQLite
import Testing
@testable import ArcadiaCore

/// `Ledger.read` keeps the connection's compiled statements: GRDB's own read on a `DatabaseQueue`
/// toggles `PRAGMA query_only`, which expires them all, and the hot paths then compile every cached
/// statement again after each read.
struct LedgerReadTests {
    /// How many times SQLite compiled `sql`'s cached statement again, after `between` ran between
    /// two of its executions.
    private func recompilations(_ ledger: Ledger, between: () throws -> Void) throws -> Int32 {
        let sql = "SELECT COUNT(*) FROM cloud_resources"
        try ledger.writer.write { db in _ = try Int.fetchOne(db.cachedStatement(sql: sql)) }
        try between()
        return try ledger.writer.write { db in
            let statement = try db.cachedStatement(sql: sql)
            _ = try Int.fetchOne(statement)
            return sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_REPREPARE, 0)
        }
    }

    @Test func aLedgerReadLeavesCompiledStatementsValid() throws {
        let ledger = try Ledger()
        #expect(try recompilations(ledger) { _ = try ledger.read { db in try Int.fetchOne(db, sql: "SELECT 1") } } == 0)
    }

    /// Why `Ledger.read` exists: should GRDB stop expiring statements, this fails and says so.
    @Test func grdbsOwnReadExpiresThem() throws {
        let ledger = try Ledger()
        #expect(try recompilations(ledger) { _ = try ledger.writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") } } == 1)
    }

    @Test func aLedgerReadIsOneTransaction() throws {
        let ledger = try Ledger()
        let (inside, value) = try ledger.read { db in (db.isInsideTransaction, try Int.fetchOne(db, sql: "SELECT 41 + 1")) }
        #expect(inside && value == 42)
    }

    @Test func anAsyncLedgerReadIsOneTransaction() async throws {
        let ledger = try Ledger()
        let (inside, value) = try await ledger.read { db in (db.isInsideTransaction, try Int.fetchOne(db, sql: "SELECT 7")) }
        #expect(inside && value == 7)
    }
}
