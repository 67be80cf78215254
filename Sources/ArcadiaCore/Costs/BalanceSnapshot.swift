import DigitalOcean
import GRDB
import MoneyAndTime

/// One hourly reading of the account balance (`cloud_balance_snapshots`).
public struct BalanceSnapshot: Sendable, Equatable, FetchableRecord, PersistableRecord {
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

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.takenAt] = takenAt
        container[Columns.monthToDateBalanceCents] = figures.monthToDateBalanceCents
        container[Columns.accountBalanceCents] = figures.accountBalanceCents
        container[Columns.monthToDateUsageCents] = figures.monthToDateUsageCents
        container[Columns.generatedAt] = figures.generatedAt
    }
}
