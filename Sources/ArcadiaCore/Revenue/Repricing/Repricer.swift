import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// `arcadia reprice`: every tenant-month of a ledger priced again with candidate books, beside
/// what was invoiced, through the rollup's own pricing (`BilledMonth`). Read-only: it reads the
/// ledger once into memory and writes nothing.
///
/// A tenant-month is one with a non-void invoice, or a month the ledger's usage covers to its
/// end with a subscription in it (history imported without invoices); a month still running is
/// not a month to reprice. Its baseline is the stored invoice's total; where the
/// book that was in effect, priced again, gives another total, the row carries that finding.
public struct Repricer: Sendable {
    public struct Request: Sendable {
        public var candidates: [PriceBook]
        public var from: BillingPeriod?
        public var to: BillingPeriod?
        public var tenant: String?

        public init(candidates: [PriceBook], from: BillingPeriod? = nil, to: BillingPeriod? = nil, tenant: String? = nil) {
            (self.candidates, self.from, self.to, self.tenant) = (candidates, from, to, tenant)
        }
    }

    public let ledger: Ledger

    public init(ledger: Ledger) { self.ledger = ledger }

    public func reprice(_ request: Request) throws -> RepriceReport {
        let (loaded, books) = try ledger.read { db in (try RepriceInputs.load(db, request: request), try PriceBookStore.all(db)) }
        var report = RepriceReport(candidates: request.candidates.map(\.name), rows: [])
        report.notRepriced = loaded.notRepriced
        for month in loaded.months {
            let inEffect = books.last { $0.book.effectiveFrom <= month.period.start }?.book
            var row = RepriceReport.Row(tenant: month.tenant.code, period: month.period, invoiced: month.invoiced,
                                        inEffectBook: inEffect?.name, requoted: nil, finding: nil, candidates: [], cost: month.cost)
            let billed: BilledMonth
            do {
                billed = try BilledMonth.read(tenant: month.tenant, period: month.period, subscriptions: month.subscriptions,
                                              usage: loaded.usage)
            } catch {
                row.finding = "cannot read usage: \(error.message)"
                row.candidates = request.candidates.map { _ in .failed(error.message) }
                report.rows.append(row)
                continue
            }
            if month.invoiced == nil, !month.hasUsage, month.cost > .zero {
                // Priced on no usage, though DO billed its deployments: the ledger lacks the usage
                // (an export imported without --derive-usage), not the tenant.
                row.finding = "DigitalOcean billed \(month.cost.decimalString) for its deployments, but the ledger holds no usage of "
                    + "theirs this month (imported without --derive-usage?), so it is priced on none"
            }
            var notes: [(book: String, note: String)] = []
            if let inEffect {
                let (outcome, said) = Self.figures(billed, inEffect)
                notes += said.map { (inEffect.name, $0) }
                switch outcome {
                case .priced(let figures):
                    row.requoted = figures
                    if let invoiced = month.invoiced, invoiced.total != figures.total {
                        row.finding = "invoiced \(invoiced.total.decimalString) but '\(inEffect.name)', in effect then, prices it at "
                            + "\(figures.total.decimalString) today"
                    }
                case .failed(let message):
                    row.finding = "'\(inEffect.name)', in effect then, cannot price it: \(message)"
                }
            }
            row.candidates = request.candidates.map { book in
                let (outcome, said) = Self.figures(billed, book)
                notes += said.map { (book.name, $0) }
                return outcome
            }
            row.notes = billed.notes + Self.merged(notes, books: Set(([inEffect].compactMap { $0 } + request.candidates).map(\.name)))
            report.rows.append(row)
        }
        return report
    }

    private static func figures(_ billed: BilledMonth, _ book: PriceBook) -> (RepriceReport.Outcome, notes: [String]) {
        do {
            let priced = try billed.price(with: book)
            return (.priced(.init(subtotal: priced.subtotal, tax: priced.tax, total: priced.total)), priced.notes)
        } catch {
            return (.failed(error.message), [])
        }
    }

    /// Each note once, in the order first said: as it is when every book says it or it names its
    /// book itself, else after the names of the books that do.
    private static func merged(_ notes: [(book: String, note: String)], books: Set<String>) -> [String] {
        var order: [String] = []
        var saying: [String: [String]] = [:]
        for (book, note) in notes {
            if saying[note] == nil { order.append(note) }
            if !(saying[note]?.contains(book) ?? false) { saying[note, default: []].append(book) }
        }
        return order.map { note in
            let by = saying[note] ?? []
            return Set(by) == books || by.allSatisfy({ note.contains("'\($0)'") }) ? note : by.map { "'\($0)'" }.joined(separator: ", ") + ": " + note
        }
    }
}

/// What reprice reads, in a handful of queries: tenants, their subscriptions, the stored
/// invoices' totals, and every usage record in range, indexed by deployment so each
/// subscription's window is summed without another query.
struct RepriceInputs {
    struct Month {
        var tenant: Tenant
        var period: BillingPeriod
        var invoiced: RepriceReport.Figures?
        var subscriptions: [Subscription]
        var cost: Money
        /// Whether any usage is recorded for the tenant's deployments that month.
        var hasUsage: Bool
    }

    var months: [Month]
    var usage: UsageSource
    var notRepriced: [BillingPeriod]

    static func load(_ db: Database, request: Repricer.Request) throws -> RepriceInputs {
        let tenants = try TenantInvoiceStore.tenants(db).filter { request.tenant == nil || $0.code == request.tenant }
        if let code = request.tenant, tenants.isEmpty { throw TenantInvoiceError.noSuchTenant(code) }
        let fromText = request.from?.description ?? "0000-00"
        let toText = request.to?.description ?? "9999-99"
        var invoiced: [String: RepriceReport.Figures] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT t.code AS tenant, i.period, i.subtotal_cents, i.tax_cents, i.total_cents FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id
            WHERE i.status <> 'void' AND i.period BETWEEN ? AND ?
            """, arguments: [fromText, toText]) {
            let key = "\(try row.decode(forColumn: "tenant") as String) \(try row.decode(forColumn: TenantInvoice.Columns.period) as String)"
            invoiced[key] = .init(subtotal: try row.decode(forColumn: TenantInvoice.Columns.subtotal),
                                  tax: try row.decode(forColumn: TenantInvoice.Columns.tax), total: try row.decode(forColumn: TenantInvoice.Columns.total))
        }
        var costs: [String: Money] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT t.code AS tenant, a.period, SUM(a.amount_cents) AS cents FROM cost_attribution a
            JOIN deployments d ON d.id = a.deployment_id JOIN tenants t ON t.id = d.tenant_id
            WHERE a.period BETWEEN ? AND ? GROUP BY t.code, a.period
            """, arguments: [fromText, toText]) {
            costs["\(try row.decode(forColumn: "tenant") as String) \(try row.decode(forColumn: "period") as String)"] = Money(cents: row["cents"])
        }
        let usageEnd = try Timestamp.fetchOne(db, sql: "SELECT MAX(period_end) FROM usage_records")
        // Tenant-months with any usage recorded (metered or derived) for the tenant's deployments.
        let withUsage = Set(try String.fetchAll(db, sql: """
            SELECT DISTINCT t.code || ' ' || substr(u.period_start, 1, 7) FROM usage_records u
            JOIN deployments d ON d.id = u.deployment_id JOIN tenants t ON t.id = d.tenant_id
            WHERE substr(u.period_start, 1, 7) BETWEEN ? AND ?
            """, arguments: [fromText, toText]))
        // A metered month is whole once metering has passed its end; a month derived from DO's
        // invoice is whole as imported, however early its lines end (a droplet destroyed on the
        // 20th, a line DO ends at 23:59:59).
        var usageMonths = Set(try String.fetchAll(db, sql: """
            SELECT DISTINCT substr(period_start, 1, 7) FROM usage_records WHERE substr(period_start, 1, 7) BETWEEN ? AND ?
            """, arguments: [fromText, toText]).compactMap { BillingPeriod($0) }.filter { period in usageEnd.map { period.end <= $0 } ?? false })
        usageMonths.formUnion(try String.fetchAll(db, sql: """
            SELECT DISTINCT substr(period_start, 1, 7) FROM usage_records WHERE source = ? AND substr(period_start, 1, 7) BETWEEN ? AND ?
            """, arguments: [UsageRecordSource.doInvoice.rawValue, fromText, toText]).compactMap { BillingPeriod($0) })
        usageMonths.formUnion(invoiced.keys.compactMap { BillingPeriod($0.split(separator: " ")[1]) })
        let subscriptions = Dictionary(grouping: try Subscription.fetchAll(db, where: "1", arguments: []), by: \.deploymentID)
        let deployments = Dictionary(grouping: try Deployment.fetchAll(db), by: \.tenantID)
        let billedByDO = Set(try String.fetchAll(db, CloudInvoice.select(CloudInvoice.Columns.period, as: String.self).distinct()
            .filter(CloudInvoice.Columns.period >= fromText && CloudInvoice.Columns.period <= toText)).compactMap { BillingPeriod($0) })
        let held = { (tenant: Tenant, period: BillingPeriod) -> [Subscription] in
            (deployments[tenant.id] ?? []).flatMap { subscriptions[$0.id] ?? [] }
                .filter { $0.startedAt < period.end && ($0.endedAt.map { $0 > period.start } ?? true) }
                .sorted { ($0.deploymentCode, $0.startedAt, $0.id) < ($1.deploymentCode, $1.startedAt, $1.id) }
        }
        let notRepriced = billedByDO.subtracting(usageMonths).filter { period in tenants.contains { !held($0, period).isEmpty } }.sorted()
        var months: [Month] = []
        for period in usageMonths.sorted() {
            for tenant in tenants {
                let holding = held(tenant, period)
                let stored = invoiced["\(tenant.code) \(period)"]
                guard stored != nil || !holding.isEmpty else { continue }
                months.append(Month(tenant: tenant, period: period, invoiced: stored, subscriptions: holding,
                                    cost: costs["\(tenant.code) \(period)"] ?? .zero, hasUsage: withUsage.contains("\(tenant.code) \(period)")))
            }
        }
        return RepriceInputs(months: months, usage: try UsageIndex.load(db).source, notRepriced: notRepriced)
    }
}
