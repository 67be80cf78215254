import DigitalOcean
import MoneyAndTime
import Workbench

/// The shipped `revenue-month-end` scenario as a ledger for tests of code that reads tenants,
/// deployments and tenant invoices the real engines wrote (see the scenario's description and
/// `goldens/revenue-month-end/`): acme (AU) owns acme-web and acme-api, globex (US) owns
/// globex-shop; acme's April invoice is paid ($154.07), globex's is issued ($19.33).
public enum RevenueMonthEnd {
    public static let name = "revenue-month-end"

    /// Between the forced re-run (03:20 on May 1, which rebuilds both drafts) and the 03:30 run
    /// that issues them: both April invoices are still drafts.
    public static let draftsOnly = Timestamp(year: 2026, month: 5, day: 1, hour: 3, minute: 25)

    /// A fresh copy of the ledger the full scenario leaves.
    public static func ledger(filePath: String = #filePath) async throws -> String {
        try await ScenarioLedgers.copy(of: name, filePath: filePath)
    }

    /// A fresh copy of the ledger left by playing the scenario only up to `end` (exclusive);
    /// timeline events from `end` on are dropped, so the clock range stays valid.
    public static func ledger(endingAt end: Timestamp, filePath: String = #filePath) async throws -> String {
        let (variant, edit) = endingAt(end)
        return try await ScenarioLedgers.copy(of: name, variant: variant, filePath: filePath, edit: edit)
    }

    /// The `variant`/`edit` pair for `ScenarioLedgers.copy` that stops the clock at `end`.
    public static func endingAt(_ end: Timestamp) -> (variant: String, edit: @Sendable (inout Scenario) -> Void) {
        ("until-\(end.iso8601)", { scenario in
            scenario.clock.end = end
            scenario.timeline.removeAll { $0.at >= end }
        })
    }
}
