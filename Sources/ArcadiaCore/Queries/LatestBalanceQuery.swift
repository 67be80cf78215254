import GRDB

/// The newest hourly balance snapshot (`cost.balance`), or nil before the first one.
public enum LatestBalanceQuery {
    public static func fetch(_ db: Database) throws -> BalanceSnapshot? {
        try BalanceSnapshot.order(BalanceSnapshot.Columns.takenAt.desc, BalanceSnapshot.Columns.id.desc).fetchOne(db)
    }

    public static func fetch(in ledger: Ledger) async throws -> BalanceSnapshot? {
        try await ledger.read { try fetch($0) }
    }
}
