extension ConsoleReport {
    /// `; revenue: 2 invoices created, 2 issued`, or nothing for a run that invoiced nothing, so
    /// scenarios without invoices keep their one-line summary (messages still get their lines).
    static func revenueCounts(_ summary: RunSummary) -> String {
        let revenue = summary.revenue
        guard revenue.invoicesCreated + revenue.invoicesRebuilt + revenue.invoicesIssued > 0 else { return "" }
        let rebuilt = revenue.invoicesRebuilt > 0 ? ", \(revenue.invoicesRebuilt) rebuilt" : ""
        return "; revenue: \(plural(revenue.invoicesCreated, "invoice")) created\(rebuilt), \(revenue.invoicesIssued) issued"
    }

    /// One indented line per rollup message (skips, refusals, failures, invariant findings).
    static func revenueMessages(_ summary: RunSummary) -> String {
        summary.revenue.messages.map { "      revenue: \($0)\n" }.joined()
    }
}
