import DigitalOcean
import GRDB

/// One hourly reading of the account balance (`cloud_balance_snapshots`).
public struct BalanceSnapshot: Sendable, Equatable {
    /// When our job took it (the engine clock), as opposed to DO's `generatedAt`.
    public var takenAt: Timestamp
    public var figures: BalanceFigures

    public init(takenAt: Timestamp, figures: BalanceFigures) {
        self.takenAt = takenAt
        self.figures = figures
    }

    func insert(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO cloud_balance_snapshots
                (taken_at, month_to_date_balance_cents, account_balance_cents, month_to_date_usage_cents, generated_at)
            VALUES (?, ?, ?, ?, ?)
            """, arguments: [takenAt.iso8601, figures.monthToDateBalanceCents, figures.accountBalanceCents,
                             figures.monthToDateUsageCents, figures.generatedAt.iso8601])
    }
}
