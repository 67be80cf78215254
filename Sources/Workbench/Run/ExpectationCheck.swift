import ArcadiaCore
import Foundation
import GRDB
import MoneyAndTime

/// One `expect:` item compared with a run's ledger: each figure it states beside what the ledger
/// holds, both in the scenario's units, so a failure reads as expected against actual.
public struct ExpectationResult: Sendable, Equatable {
    public struct Figure: Sendable, Equatable {
        public var name: String
        public var expected: String
        /// Nil when the thing checked is not in the ledger at all (`note` says so).
        public var actual: String?
        public var matches: Bool { expected == actual }
    }

    public var spec: ExpectationSpec
    /// What is checked, e.g. `tenant_invoice acme 2026-04`: the JUnit case's name.
    public var title: String
    public var figures: [Figure]
    /// Why there is nothing to compare with (`no invoice for acme in 2026-04`).
    public var note: String?

    public var passed: Bool { note == nil && figures.allSatisfy(\.matches) }

    /// The figures as a table, `expected` and `actual` side by side, mismatches marked.
    public var sideBySide: String {
        let rows = [["figure", "expected", "actual", ""]]
            + figures.map { [$0.name, $0.expected, $0.actual ?? "(none)", $0.matches ? "" : "<- differs"] }
        return (note.map { "\($0)\n" } ?? "") + ReportTable.aligned(rows, textColumns: 1)
    }
}

/// Compares a scenario's expectations with the ledger its run left.
enum ExpectationCheck {
    static func evaluate(_ expectations: [ExpectationSpec], ledger: Ledger) async throws -> [ExpectationResult] {
        try await ledger.read { db in try expectations.map { try evaluate($0, db) } }
    }

    static func evaluate(_ spec: ExpectationSpec, _ db: Database) throws -> ExpectationResult {
        let money = { (amount: Money) in amount.decimalString }
        switch spec.check {
        case .tenantInvoice(let tenant, let period, let status, let subtotal, let tax, let total):
            let invoice = try tenantInvoice(tenant, period, db)
            let figures = [
                status.map { figure("status", $0.rawValue, invoice?.status.rawValue) },
                subtotal.map { figure("subtotal", money($0), invoice.map { money($0.subtotal) }) },
                tax.map { figure("tax", money($0), invoice.map { money($0.tax) }) },
                total.map { figure("total", money($0), invoice.map { money($0.total) }) },
            ]
            return result(spec, "tenant_invoice \(tenant) \(period)", figures, note: invoice == nil ? "no invoice for \(tenant) in \(period)" : nil)
        case .invoiceLine(let tenant, let period, let number, let amount, let quantity):
            let invoice = try tenantInvoice(tenant, period, db)
            let line = invoice?.lines.first { $0.lineNo == number }
            let figures = [
                amount.map { figure("amount", money($0), line.map { money($0.amount) }) },
                quantity.map { figure("quantity", DecimalText.format($0), line.map { DecimalText.format($0.quantity) }) },
            ]
            let note = invoice == nil ? "no invoice for \(tenant) in \(period)"
                : line == nil ? "the invoice of \(tenant) for \(period) has no line \(number) (its lines: 1 to \(invoice?.lines.count ?? 0))" : nil
            return result(spec, "invoice_line \(tenant) \(period) line \(number)", figures, note: note)
        case .usage(let deployment, let period, let kind, let quantity):
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM deployments WHERE code = ?", arguments: [deployment])
            let used = try id.map { try UsageRecordStore.usage(db, deploymentID: $0, from: period.start, to: period.end)[kind] ?? 0 }
            return result(spec, "usage \(deployment) \(period) \(kind)",
                          [figure("quantity", DecimalText.format(quantity), used.map(DecimalText.format))],
                          note: id == nil ? "no deployment \(deployment) in the ledger" : nil)
        case .resource(let kind, let name, let status, let staleAt):
            let resource = try CloudResource.fetchOne(db, sql: """
                SELECT * FROM cloud_resources WHERE kind = ? AND name = ? ORDER BY first_seen_at DESC, id DESC LIMIT 1
                """, arguments: [kind.rawValue, name])
            let figures = [
                status.map { figure("status", $0, resource?.status) },
                staleAt.map { figure("stale_at", $0.iso8601, resource.map { $0.staleAt?.iso8601 ?? "not stale" }) },
            ]
            return result(spec, "resource \(kind) \(name)", figures, note: resource == nil ? "the inventory has no \(kind) named \(name)" : nil)
        case .openDrifts(let count):
            let open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cloud_drift WHERE status = 'open'") ?? 0
            return result(spec, "open_drifts", [figure("count", String(count), String(open))], note: nil)
        case .doInvoice(let period, let total, let matchRate):
            let row = try Row.fetchOne(db, sql: """
                SELECT i.amount_cents, COUNT(l.id) AS lines, COALESCE(SUM(l.match_status = 'matched'), 0) AS matched
                FROM cloud_invoices i LEFT JOIN cloud_cost_lines l ON l.cloud_invoice_id = i.id
                WHERE i.period = ? GROUP BY i.id ORDER BY i.id DESC LIMIT 1
                """, arguments: [period.description])
            let amount: Money? = try row.map { try $0.decode(forColumn: "amount_cents") }
            let rate = try row.map { MatchRate(matched: try $0.decode(forColumn: "matched"), total: try $0.decode(forColumn: "lines")) }
            let figures = [
                total.map { figure("total", money($0), amount.map(money)) },
                matchRate.map { figure("match_rate", $0, rate?.percentText) },
            ]
            return result(spec, "do_invoice \(period)", figures, note: row == nil ? "no DigitalOcean invoice for \(period) was ingested" : nil)
        }
    }

    /// The month's invoice a tenant is held to: the latest not void, else the latest.
    private static func tenantInvoice(_ tenant: String, _ period: BillingPeriod, _ db: Database) throws -> TenantInvoice? {
        var invoices: [TenantInvoice] = []
        var page = PageRequest(limit: 100)
        while true {
            let found = try TenantInvoiceQuery(scope: .tenant(code: tenant), page: page).fetch(db)
            invoices += found.items.filter { $0.period == period }
            guard let next = found.nextOffset else { break }
            page = PageRequest(limit: page.limit, offset: next)
        }
        return invoices.last { $0.status != .void } ?? invoices.last
    }

    private static func figure(_ name: String, _ expected: String, _ actual: String?) -> ExpectationResult.Figure {
        ExpectationResult.Figure(name: name, expected: expected, actual: actual)
    }

    private static func result(_ spec: ExpectationSpec, _ title: String, _ figures: [ExpectationResult.Figure?], note: String?) -> ExpectationResult {
        ExpectationResult(spec: spec, title: title, figures: figures.compactMap { $0 }, note: note)
    }
}
