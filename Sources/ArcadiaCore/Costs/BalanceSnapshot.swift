import DigitalOcean
import GRDB
import MoneyAndTime

/// One hourly reading of the account balance (`cloud_balance_snapshots`).
public struct BalanceSnapshot: Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "cloud_balance_snapshots"

    public enum Columns: String, ColumnExpression {
        case id, takenAt = "taken_at", monthToDateBalanceCents = "month_to_date_balance_cents"
        case accountBalanceCents = "account_balance_cents", monthToDateUsageCents = "month_to_date_usage_cents"
        case generatedAt = "generated_at"
    }

    /// When our job took it (the engine clock), as opposed to DO's `generatedAt`.
    public var takenAt: Timestamp
    public var figures: BalanceFigures

    public init(takenAt: Timestamp, figures: BalanceFigures) {
        self.takenAt = takenAt
        self.figures = figures
    }

    public init(row: Row) throws {
        takenAt = try row.decode(forColumn: Columns.takenAt)
        figures = BalanceFigures(monthToDateBalanceCents: try row.decode(forColumn: Columns.monthToDateBalanceCents),
                                 accountBalanceCents: try row.decode(forColumn: Columns.accountBalanceCents),
                                 monthToDateUsageCents: try row.decode(forColumn: Columns.monthToDateUsageCents),
                                 generatedAt: try row.decode(forColumn: Columns.generatedAt))
    }

    /// Stores the snapshot unless one taken at the same instant is on record (a re-run), in one
    /// statement, so atomic without a transaction: this runs every virtual hour of a simulated
    /// year, where a transaction's BEGIN and COMMIT and GRDB's per-record insert cost more than
    /// the row. The only way a snapshot is written, so its columns are named here alone.
    func insertUnlessTaken(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO cloud_balance_snapshots
                (taken_at, month_to_date_balance_cents, account_balance_cents, month_to_date_usage_cents, generated_at)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (taken_at) DO NOTHING
            """).execute(arguments: [takenAt, figures.monthToDateBalanceCents, figures.accountBalanceCents, figures.monthToDateUsageCents,
                                     figures.generatedAt])
    }

    /// Migration `v10-balance-one-per-instant`: the index on `taken_at` becomes UNIQUE, so a
    /// re-run's insert is skipped by `ON CONFLICT` rather than by a `NOT EXISTS` over the same
    /// table, which SQLite runs by copying the new row through a temporary table first (a
    /// statement that reads the table it inserts into): half of each hourly insert's cost. A
    /// ledger cannot hold two readings of one instant (every insert was guarded); if one did,
    /// the migration fails on the index and leaves the ledger as it was.
    static func migrateOnePerInstant(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX cloud_balance_snapshots_taken_at;
            CREATE UNIQUE INDEX cloud_balance_snapshots_taken_at ON cloud_balance_snapshots(taken_at);
            """)
    }
}
