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
            SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM cloud_balance_snapshots WHERE taken_at = ?)
            """).execute(arguments: [takenAt, figures.monthToDateBalanceCents, figures.accountBalanceCents, figures.monthToDateUsageCents,
                                     figures.generatedAt, takenAt])
    }
}
