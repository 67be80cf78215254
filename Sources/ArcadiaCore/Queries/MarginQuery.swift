import GRDB
import MoneyAndTime

/// What DigitalOcean charged for each deployment's resources against what its tenant was
/// invoiced (subtotals, tax excluded), per month. Cost is attributed through the resource a line
/// matched and that resource's project (or the line's own `project_name` when it matched none)
/// to the deployment owning the project; what no deployment owns is its own row, never dropped.
/// Reads `margin_by_deployment_month` and `cost_attribution` (`AnalystViews`).
public struct MarginQuery: Sendable, Equatable {
    public enum Grouping: String, Sendable, CaseIterable {
        case tenant, deployment, kind
    }

    public var from: BillingPeriod?
    public var to: BillingPeriod?
    public var by: Grouping

    public init(from: BillingPeriod? = nil, to: BillingPeriod? = nil, by: Grouping = .deployment) {
        (self.from, self.to, self.by) = (from, to, by)
    }

    public struct Row: Sendable, Equatable {
        public var period: BillingPeriod
        /// The tenant, deployment or cost kind; nil for cost no deployment owns.
        public var key: String?
        public var cost: Money
        public var revenue: Money
        /// Revenue − cost, computed by SQLite, whose integer sums report overflow as an error.
        public var margin: Money
    }

    /// Rows by period, then key (the unattributed row last in its period).
    public func fetch(_ db: Database) throws -> [Row] {
        let range = "period BETWEEN ? AND ?"
        let arguments: StatementArguments = [from?.description ?? "0000-00", to?.description ?? "9999-99"]
        let sql: String
        switch by {
        case .deployment, .tenant:
            sql = """
                SELECT period, \(by.rawValue) AS key, SUM(cost_cents) AS cost, SUM(revenue_cents) AS revenue,
                       SUM(revenue_cents) - SUM(cost_cents) AS margin
                FROM margin_by_deployment_month WHERE \(range)
                GROUP BY period, \(by.rawValue) ORDER BY period, \(by.rawValue) IS NULL, \(by.rawValue)
                """
        case .kind:
            // All of DO's cost per kind of line, owned by a deployment or not (what a split by
            // product is for); tenant revenue is not per kind, so it is one row (`revenue`).
            sql = """
                SELECT period, key, SUM(cost) AS cost, SUM(revenue) AS revenue, SUM(revenue) - SUM(cost) AS margin FROM (
                    SELECT period, kind AS key, amount_cents AS cost, 0 AS revenue
                    FROM cost_attribution WHERE \(range)
                    UNION ALL
                    SELECT period, 'revenue', 0, revenue_cents FROM margin_by_deployment_month WHERE \(range) AND revenue_cents <> 0
                ) GROUP BY period, key ORDER BY period, key = 'revenue', key
                """
        }
        let allArguments = by == .kind ? arguments + arguments : arguments
        return try GRDB.Row.fetchAll(db, sql: sql, arguments: allArguments).map { row in
            Row(period: try row.decode(forColumn: "period"), key: row["key"], cost: Money(cents: row["cost"]), revenue: Money(cents: row["revenue"]),
                margin: Money(cents: row["margin"]))
        }
    }

    public func fetch(in ledger: Ledger) async throws -> [Row] {
        try await ledger.read { try fetch($0) }
    }
}
