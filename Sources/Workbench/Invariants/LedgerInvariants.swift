import ArcadiaCore
import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// What must hold of any ledger a run leaves, checked from its rows alone (apart from the engines:
/// each check recomputes what it compares from the stored records, never by calling the code that
/// wrote them, except the one quote engine every price must come from).
public enum LedgerInvariants {
    /// Every after-run check, in a fixed order.
    public static func check(_ ledger: Ledger) throws -> [Violation] {
        try ledger.read { db in
            try duplicateRows(db) + cloudInvoiceSums(db) + tenantInvoicesMatchQuotes(db) + meteredHoursMatchCloudInvoice(db)
        }
    }

    /// No key the ledger promises is unique appears twice: a resource per kind and provider id, an
    /// open drift per resource and field, a non-void invoice per tenant and period, a usage record
    /// per deployment, resource, kind, period and granularity.
    static func duplicateRows(_ db: Database) throws -> [Violation] {
        let keys: [(what: String, sql: String)] = [
            ("resource", "SELECT kind || ' ' || provider_id AS key, COUNT(*) AS n FROM cloud_resources GROUP BY kind, provider_id"),
            ("open drift", "SELECT resource_id || ' ' || field AS key, COUNT(*) AS n FROM cloud_drift WHERE status = 'open' GROUP BY resource_id, field"),
            ("non-void tenant invoice", """
                SELECT tenant_id || ' ' || period AS key, COUNT(*) AS n FROM tenant_invoices WHERE status <> 'void' GROUP BY tenant_id, period
                """),
            ("usage record", """
                SELECT deployment_id || ' ' || IFNULL(resource_id, '-') || ' ' || billing_kind || ' ' || period_start || ' ' || granularity AS key,
                       COUNT(*) AS n
                FROM usage_records GROUP BY deployment_id, resource_id, billing_kind, period_start, granularity
                """),
        ]
        var violations: [Violation] = []
        for key in keys {
            for row in try Row.fetchAll(db, sql: "SELECT key, n FROM (\(key.sql)) WHERE n > 1 ORDER BY key") {
                violations.append(Violation(.duplicateRows, "\(key.what) \(row["key"] as String) appears \(row["n"] as Int) times"))
            }
        }
        return violations
    }

    /// Every ingested DigitalOcean invoice's lines sum to its amount.
    static func cloudInvoiceSums(_ db: Database) throws -> [Violation] {
        try Row.fetchAll(db, sql: """
            SELECT i.invoice_uuid, i.period, i.amount_cents, IFNULL(SUM(l.amount_cents), 0) AS lines, COUNT(l.id) AS line_rows
            FROM cloud_invoices i LEFT JOIN cloud_cost_lines l ON l.cloud_invoice_id = i.id
            WHERE i.ingested_at IS NOT NULL AND i.ingest_error IS NULL
            GROUP BY i.id HAVING lines <> i.amount_cents ORDER BY i.id
            """).map { row in
            Violation(.cloudInvoiceSum, "DO invoice \(row["period"] as String) (\(row["invoice_uuid"] as String)): \(row["line_rows"] as Int) "
                      + "line(s) sum to \(Money(cents: row["lines"])), the invoice says \(Money(cents: row["amount_cents"]))")
        }
    }

    /// Every non-void tenant invoice equals a fresh quote, by the book in effect at the period's
    /// start, of each of its subscriptions' usage over its billing window. Not checked when a
    /// metering retention is set: metering may have pruned records since the rollup priced them
    /// (`docs/revenue.md`, Granularity and retention), and what is left cannot re-quote the invoice.
    static func tenantInvoicesMatchQuotes(_ db: Database) throws -> [Violation] {
        guard try !retains(db, kinds: nil) else { return [] }
        var violations: [Violation] = []
        let invoices = try Row.fetchAll(db, sql: """
            SELECT i.id, i.tenant_id, t.code, i.period, i.subtotal_cents FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id
            WHERE i.status <> 'void' ORDER BY i.id
            """)
        for invoice in invoices {
            let label = "tenant \(invoice["code"] as String) \(invoice["period"] as String)"
            guard let period = BillingPeriod(invoice["period"] as String),
                  let book = try PriceBookStore.book(inEffectAt: period.start, db)?.book else {
                violations.append(Violation(.tenantInvoiceQuote, "\(label): invoiced with no price book in effect"))
                continue
            }
            var expected: [Int64: Money] = [:]
            let subscriptions = try Row.fetchAll(db, sql: """
                SELECT s.id, s.deployment_id, s.plan_code, s.started_at, s.ended_at FROM subscriptions s JOIN deployments d ON d.id = s.deployment_id
                WHERE d.tenant_id = ? AND s.started_at < ? AND (s.ended_at IS NULL OR s.ended_at > ?) ORDER BY s.id
                """, arguments: [invoice["tenant_id"] as Int64, period.end, period.start])
            for subscription in subscriptions {
                let id: Int64 = subscription["id"]
                guard let window = BillingWindow(startedAt: subscription["started_at"], endedAt: subscription["ended_at"], in: period) else { continue }
                let addons = try String.fetchAll(db, sql: "SELECT addon_code FROM subscription_addons WHERE subscription_id = ? ORDER BY addon_code",
                                                 arguments: [id])
                do {
                    let usage = try usage(db, deploymentID: subscription["deployment_id"], from: window.from, to: window.to)
                    let quote = try QuoteEngine.quote(QuoteRequest(planCode: subscription["plan_code"], addonCodes: addons, usage: usage,
                                                                   period: period, daysActive: window.days), in: book)
                    expected[id] = quote.subtotal
                } catch {
                    violations.append(Violation(.tenantInvoiceQuote, "\(label): subscription \(id) cannot be quoted: \(error)"))
                }
            }
            var invoiced: [Int64: Money] = [:]
            for line in try Row.fetchAll(db, sql: """
                SELECT subscription_id, amount_cents FROM tenant_invoice_lines WHERE invoice_id = ? AND line_type <> 'tax' ORDER BY line_no
                """, arguments: [invoice["id"] as Int64]) {
                let id = (line["subscription_id"] as Int64?) ?? 0
                invoiced[id] = Money(cents: (invoiced[id]?.cents ?? 0) + (line["amount_cents"] as Int))
            }
            for id in Set(expected.keys).union(invoiced.keys).sorted() where expected[id] != invoiced[id] {
                violations.append(Violation(.tenantInvoiceQuote, "\(label): subscription \(id) is invoiced \(invoiced[id].map(\.description) ?? "nothing") "
                                            + "but quotes \(expected[id].map(\.description) ?? "nothing") on its usage"))
            }
        }
        return violations
    }

    /// Whether metering keeps records of any of `kinds` (nil: any kind) for a limited time only.
    private static func retains(_ db: Database, kinds: [BillingKind]?) throws -> Bool {
        try String.fetchAll(db, sql: "SELECT billing_kind FROM metering_config WHERE retention_days IS NOT NULL")
            .contains { kinds?.contains(BillingKind(rawValue: $0)) ?? true }
    }

    /// Metered usage per billing kind over `[from, to)`, summed from the stored records.
    private static func usage(_ db: Database, deploymentID: Int64, from: Timestamp, to: Timestamp) throws -> [BillingKind: Decimal] {
        var usage: [BillingKind: Decimal] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT billing_kind, quantity FROM usage_records WHERE deployment_id = ? AND period_start >= ? AND period_end <= ? ORDER BY id
            """, arguments: [deploymentID, from, to]) {
            let kind = BillingKind(rawValue: row["billing_kind"])
            usage[kind, default: 0] += DecimalText.parse(row["quantity"] as String) ?? 0
        }
        return usage
    }

    /// Seconds of `period` the ledger saw the droplet in a status other than `active` (off, new):
    /// from its first sighting in its first status, moving at each status `changed` event, until
    /// its `missing_since` if it went stale.
    private static func secondsNotActive(_ db: Database, resourceID: Int64, in period: BillingPeriod) throws -> Int64 {
        guard let resource = try Row.fetchOne(db, sql: "SELECT first_seen_at, status, missing_since, stale_at FROM cloud_resources WHERE id = ?",
                                              arguments: [resourceID]) else { return 0 }
        let changes = try Row.fetchAll(db, sql: """
            SELECT at, old_value, new_value FROM cloud_resource_events WHERE resource_id = ? AND event = 'changed' AND field = 'status' ORDER BY at, id
            """, arguments: [resourceID])
        let staleAt: Timestamp? = resource["stale_at"], missingSince: Timestamp? = resource["missing_since"]
        let end = staleAt == nil ? period.end : min(period.end, missingSince ?? period.end)
        let firstStatus: String? = changes.first?["old_value"]
        var status: String = firstStatus ?? resource["status"]
        var since: Timestamp = resource["first_seen_at"]
        var seconds: Int64 = 0
        for stretch in changes.map({ ($0["at"] as Timestamp, $0["new_value"] as String) }) + [(end, "")] {
            let from = max(since, period.start), to = min(stretch.0, end)
            if status != "active", to > from { seconds += to - from }
            (since, status) = stretch
        }
        return seconds
    }

    /// Metered droplet hours agree with the hours of the droplet's lines on DO's invoice for the
    /// month (uncapped), within the documented lag: a quarter-hour sync interval at each end, DO's
    /// truncation of each line to whole hours (up to one hour a line), and the listing outages of
    /// the month (a quarter hour per failed droplet listing). DO bills a powered-off droplet like
    /// a running one and metering counts only `active` time, so the hours the ledger saw the
    /// droplet in any other status (from its status `changed` events, up to its `missing_since`
    /// once stale) are taken off DO's hours first. Droplets never in a deployment's project are not
    /// compared, nor any when droplet hours have a retention (metering may have pruned what DO billed),
    /// nor a month with a day metering still defers.
    static func meteredHoursMatchCloudInvoice(_ db: Database) throws -> [Violation] {
        guard try !retains(db, kinds: [.dropletHours]) else { return [] }
        var violations: [Violation] = []
        let billed = try Row.fetchAll(db, sql: """
            SELECT i.period, l.matched_resource_id AS resource_id, r.name, SUM(l.hours) AS hours, COUNT(*) AS lines
            FROM cloud_cost_lines l JOIN cloud_invoices i ON i.id = l.cloud_invoice_id JOIN cloud_resources r ON r.id = l.matched_resource_id
            WHERE r.kind = 'droplet' AND l.product = 'Droplets' AND l.hours IS NOT NULL AND i.ingest_error IS NULL
            GROUP BY i.period, l.matched_resource_id ORDER BY i.period, r.name
            """)
        for row in billed {
            guard let period = BillingPeriod(row["period"] as String) else { continue }
            let resourceID: Int64 = row["resource_id"]
            let metered = try Row.fetchAll(db, sql: """
                SELECT quantity FROM usage_records WHERE resource_id = ? AND billing_kind = 'droplet_hours' AND period_start >= ? AND period_end <= ?
                """, arguments: [resourceID, period.start, period.end])
            guard !metered.isEmpty else { continue }
            // A day metering still defers (an outage at the run's end) has no records yet.
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM metering_deferred_days WHERE day >= ? AND day < ?",
                                   arguments: [period.start, period.end]) == 0 else { continue }
            let hours = metered.reduce(Decimal(0)) { $0 + (DecimalText.parse($1["quantity"] as String) ?? 0) }
            let failedListings = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM cloud_sync_failures WHERE worker IN ('sync.droplets', 'sync.projects') AND at >= ? AND at < ?
                """, arguments: [period.start, period.end]) ?? 0
            let tolerance = Decimal(2 * 900 + 3_600 * (row["lines"] as Int) + 900 * failedListings) / 3_600
            let invoiced = Decimal(row["hours"] as Int)
            let notActive = Decimal(try secondsNotActive(db, resourceID: resourceID, in: period)) / 3_600
            if abs(hours - (invoiced - notActive)) > tolerance {
                violations.append(Violation(.meteredHours, "droplet \(row["name"] as String) in \(period): metered \(hours) h, DO invoiced "
                                            + "\(invoiced) h of which the ledger saw \(notActive) h not active, more than \(tolerance) h apart"))
            }
        }
        return violations
    }
}
