import ArcadiaCore
import Foundation
import MoneyAndTime

/// `arcadia margin`'s report: per month, each tenant, deployment or kind with DO's cost, the
/// tenants' revenue and the margin; the unattributed cost as its own row; a total per month.
public enum MarginRendering {
    public static func table(_ rows: [MarginQuery.Row], by: MarginQuery.Grouping) throws -> String {
        guard !rows.isEmpty else { return "No cost lines or tenant invoices in range.\n" }
        var lines = [["period", by.rawValue, "do cost", "revenue", "margin", "margin %"]]
        for (period, group) in grouped(rows) {
            for row in group {
                lines.append([period.description, label(row, by), row.cost.decimalString, row.revenue.decimalString, row.margin.decimalString,
                              percent(row.margin, of: row.revenue)])
            }
            let cost = try group.map(\.cost).sum()
            let revenue = try group.map(\.revenue).sum()
            let margin = try group.map(\.margin).sum()
            lines.append([period.description, "total", cost.decimalString, revenue.decimalString, margin.decimalString,
                          percent(margin, of: revenue)])
        }
        return ReportTable.aligned(lines)
    }

    public static func csv(_ rows: [MarginQuery.Row], by: MarginQuery.Grouping) throws -> String {
        try ReportTable.csv([["period", by.rawValue, "cost", "revenue", "margin"]] + rows.map { row in
            [row.period.description, row.key ?? "", row.cost.decimalString, row.revenue.decimalString, row.margin.decimalString]
        })
    }

    /// The unattributed row's label says what it is rather than leaving a blank.
    static func label(_ row: MarginQuery.Row, _ by: MarginQuery.Grouping) -> String {
        row.key ?? "(unattributed)"
    }

    private static func grouped(_ rows: [MarginQuery.Row]) -> [(BillingPeriod, [MarginQuery.Row])] {
        var groups: [(BillingPeriod, [MarginQuery.Row])] = []
        for row in rows {
            if groups.last?.0 == row.period { groups[groups.count - 1].1.append(row) } else { groups.append((row.period, [row])) }
        }
        return groups
    }

    private static func percent(_ margin: Money, of revenue: Money) -> String {
        RepriceReport.percentage(margin, of: revenue) ?? "n/a"
    }
}
