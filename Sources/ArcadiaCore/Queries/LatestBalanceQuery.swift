import DigitalOcean
import GRDB

/// The newest hourly balance snapshot (`cost.balance`), or nil before the first one.
public enum LatestBalanceQuery {
    public static func fetch(_ db: Database) throws -> BalanceSnapshot? {
        try Row.fetchOne(db, sql: """
            SELECT taken_at, month_to_date_balance_cents, account_balance_cents, month_to_date_usage_cents, generated_at
            FROM cloud_balance_snapshots ORDER BY taken_at DESC, id DESC LIMIT 1
            """).map { row in
            BalanceSnapshot(takenAt: Self.time(row[0]),
                            figures: BalanceFigures(monthToDateBalanceCents: row[1], accountBalanceCents: row[2],
                                                    monthToDateUsageCents: row[3], generatedAt: Self.time(row[4])))
        }
    }

    public static func fetch(in ledger: Ledger) async throws -> BalanceSnapshot? {
        try await ledger.writer.read { try fetch($0) }
    }

    /// Ledger times are written by `Timestamp.iso8601` and always parse back.
    private static func time(_ text: String) -> Timestamp {
        Timestamp(iso8601: text) ?? Timestamp(seconds: 0)
    }
}
