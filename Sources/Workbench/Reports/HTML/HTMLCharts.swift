import MoneyAndTime

/// The charts of one scenario: its fleet over the clock, DO's cost against tenant revenue by
/// month, and each tenant's invoices by month. A chart with nothing to show is left out.
enum HTMLCharts {
    static func charts(for figures: ScenarioFigures, id: String, scenario: String) -> [SVGChart] {
        var charts: [SVGChart] = []
        let peak = figures.fleet.map(\.droplets).max() ?? 0
        if peak > 0 {
            let last = figures.fleet.last?.droplets ?? 0
            charts.append(.steps(
                id: "\(id)-fleet", title: "Fleet of \(scenario): droplets in the inventory over time",
                summary: "From \(figures.start.isoDate) to \(figures.end.isoDate) the inventory held at most \(peak) droplets and \(last) at the end.",
                from: figures.start, to: figures.end, points: figures.fleet.map { ($0.at, $0.droplets) },
                table: .init(caption: "Droplets in the inventory after each change", columns: ["time (UTC)", "droplets"],
                             rows: figures.fleet.map { [$0.at.iso8601, String($0.droplets)] })))
        }
        let cost = Dictionary(uniqueKeysWithValues: figures.doCost.map { ($0.period, $0.amount) })
        let revenue = Dictionary(uniqueKeysWithValues: figures.revenue.map { ($0.period, $0.amount) })
        let periods = Set(cost.keys).union(revenue.keys).sorted()
        if !periods.isEmpty {
            let rows = periods.map { [$0, cost[$0].map { Dollars.text($0) } ?? "none", revenue[$0].map { Dollars.text($0) } ?? "none"] }
            charts.append(.bars(
                id: "\(id)-margin", title: "DO cost against tenant revenue by month",
                summary: periods.map { "\($0): DO cost \(cost[$0].map { Dollars.text($0) } ?? "none"), tenant revenue \(revenue[$0].map { Dollars.text($0) } ?? "none")" }
                    .joined(separator: "; ") + ".",
                categories: periods,
                series: [("DO cost (solid)", true, periods.map { cost[$0] }), ("Tenant revenue (hatched)", false, periods.map { revenue[$0] })],
                table: .init(caption: "DO cost and tenant revenue by month (void invoices excluded)", columns: ["month", "DO cost", "tenant revenue"], rows: rows)))
        }
        // A void invoice was replaced (or never owed): drawn, it read as a month billed twice.
        let billed = figures.tenantInvoices.filter { $0.status != "void" }
        let tenants = Array(Set(billed.map(\.tenant))).sorted()
        for (number, tenant) in tenants.enumerated() {
            let invoices = billed.filter { $0.tenant == tenant }
            charts.append(.bars(
                id: "\(id)-tenant\(number + 1)", title: "Invoices of tenant \(tenant) by month",
                summary: invoices.map { "\($0.period): \(Dollars.text($0.total)) (\($0.status))" }.joined(separator: "; ") + ".",
                categories: invoices.map(\.period),
                series: [("Invoice total", false, invoices.map { $0.total })],
                table: .init(caption: "Invoices of tenant \(tenant) (void invoices excluded)", columns: ["month", "total", "status"],
                             rows: invoices.map { [$0.period, Dollars.text($0.total), $0.status] })))
        }
        return charts
    }
}
