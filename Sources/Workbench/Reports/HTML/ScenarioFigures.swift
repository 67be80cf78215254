import ArcadiaCore
import MoneyAndTime

/// What the HTML report charts of one played scenario, read from the ledgers the run exported (the
/// same text the goldens hold, so a chart shows what was compared): droplets in the inventory over
/// the clock, DO's invoices by month, and tenant invoices by tenant and month.
public struct ScenarioFigures: Sendable, Equatable {
    public struct FleetStep: Sendable, Equatable {
        public var at: Timestamp
        public var droplets: Int
    }

    public struct TenantInvoice: Sendable, Equatable {
        public var tenant: String
        public var period: String
        public var status: String
        public var total: Money
    }

    public var start: Timestamp
    public var end: Timestamp
    /// The droplet count after each instant it changed, in time order (starting at `start`).
    public var fleet: [FleetStep]
    /// DO's invoice totals by month, in month order.
    public var doCost: [(period: String, amount: Money)]
    public var tenantInvoices: [TenantInvoice]

    public static func == (a: Self, b: Self) -> Bool {
        a.start == b.start && a.end == b.end && a.fleet == b.fleet && a.tenantInvoices == b.tenantInvoices
            && a.doCost.map(\.period) == b.doCost.map(\.period) && a.doCost.map(\.amount) == b.doCost.map(\.amount)
    }

    /// Void invoices are not revenue. A month whose sum would not fit in cents is left out of the
    /// chart rather than drawn wrong (amounts are bounded, so it never happens in practice).
    public var revenue: [(period: String, amount: Money)] {
        var byPeriod: [String: [Money]] = [:]
        for invoice in tenantInvoices where invoice.status != "void" { byPeriod[invoice.period, default: []].append(invoice.total) }
        return byPeriod.keys.sorted().compactMap { period in (try? byPeriod[period]!.sum()).map { (period, $0) } }
    }

    public init(clock: ClockRange, ledgers: [LedgerFile]) {
        start = clock.start
        end = clock.end
        let tables = Dictionary(ledgers.map { ($0.name, $0.content) }, uniquingKeysWith: { first, _ in first })
        var count = 0
        var fleet = [FleetStep(at: clock.start, droplets: 0)]
        for row in Self.rows(tables["events.tsv"]) where row["kind"] == "droplet" {
            let delta = row["event"] == "created" ? 1 : row["event"] == "stale" ? -1 : 0
            guard delta != 0, let at = row["at"].flatMap(Timestamp.init(iso8601:)) else { continue }
            count += delta
            if fleet.last?.at == at { fleet[fleet.count - 1].droplets = count } else { fleet.append(FleetStep(at: at, droplets: count)) }
        }
        self.fleet = fleet
        var cost: [String: [Money]] = [:]
        for row in Self.rows(tables["invoices.tsv"]) {
            guard let period = row["period"], let cents = row["amount_cents"].flatMap({ Int($0) }) else { continue }
            cost[period, default: []].append(Money(cents: cents))
        }
        doCost = cost.keys.sorted().compactMap { period in (try? cost[period]!.sum()).map { (period, $0) } }
        tenantInvoices = Self.rows(tables["tenant_invoices.tsv"]).compactMap { row in
            guard let tenant = row["tenant"], let period = row["period"], let cents = row["total_cents"].flatMap({ Int($0) }) else { return nil }
            return TenantInvoice(tenant: tenant, period: period, status: row["status"] ?? "", total: Money(cents: cents))
        }.sorted { ($0.tenant, $0.period) < ($1.tenant, $1.period) }
    }

    /// A tab-separated ledger's rows by column name.
    private static func rows(_ text: String?) -> [[String: String]] {
        guard let text else { return [] }
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
    }
}
