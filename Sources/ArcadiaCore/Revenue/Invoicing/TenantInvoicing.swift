import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// The month-end rollup and the life of a tenant invoice (`docs/revenue.md`).
///
/// `rollup` builds one draft per (tenant, period) from the tenant's subscriptions, each priced by
/// the quote engine on the usage its deployment actually metered over the days it was billed;
/// `issueDrafts` issues every draft whose invariants hold; `markPaid` and `void` move an invoice
/// on. Each invoice is written in one transaction (an issue, all it issues in one), so a failure
/// leaves the ledger as it was.
public struct TenantInvoicing: Sendable {
    public let ledger: Ledger
    public let clock: EngineClock
    public let usage: UsageSource

    public init(ledger: Ledger, clock: EngineClock, usage: UsageSource) {
        self.ledger = ledger
        self.clock = clock
        self.usage = usage
    }

    /// The `revenue.rollup` job: the month just ended (run on the 1st, it is the previous month).
    public func rollupPreviousMonth() throws -> RollupReport {
        try rollup(period: BillingPeriod(containing: clock.now()).previous)
    }

    /// Invoices every tenant for `period` with the book in effect at its start (when no
    /// subscription overlaps the period there is nothing to price, book or not). A tenant whose
    /// period already has an invoice is skipped and the report says so; with `force`, a draft is
    /// rebuilt and an issued or paid invoice refused (void it first).
    public func rollup(period: BillingPeriod, force: Bool = false) throws -> RollupReport {
        let (stored, tenants, billable, meteredThrough, policies) = try ledger.read { db in
            (try PriceBookStore.book(inEffectAt: period.start, db), try TenantInvoiceStore.tenants(db),
             try TenantInvoiceStore.anySubscription(overlapping: period, db),
             try UpcomingInvoices.lastMeteredDayEnd(db, enough: period.end), try MeteringConfigStore.load(db))
        }
        let pruned = Self.prunedUsage(of: period, policies: policies, at: clock.now())
        var report = RollupReport(period: period, force: force)
        guard let stored else {
            guard billable else { return report }
            report.failure = "no price book is in effect on \(period.start.isoDate), so nothing can be priced"
            return report
        }
        report.priceBook = "\(stored.book.name) (effective \(stored.book.effectiveFrom.isoDate))"
        for tenant in tenants {
            report.tenants.append(try rollup(tenant, period: period, book: stored, force: force, meteredThrough: meteredThrough,
                                             pruned: pruned))
        }
        return report
    }

    /// What a retention shorter than the wait for the rollup costs the invoice: for each billing
    /// kind whose records of `period` may already be pruned at `now` (their retention cutoff is past
    /// the end of the period's first record), a note saying from when the kind's usage survives.
    /// Pruning is what the retention asks for (`docs/revenue.md`), so it is said, not prevented.
    static func prunedUsage(of period: BillingPeriod, policies: [BillingKind: MeteringPolicy], at now: Timestamp) -> [String] {
        policies.sorted { $0.key < $1.key }.compactMap { kind, policy in
            guard let cutoff = policy.retentionCutoff(at: now), let days = policy.retentionDays,
                  cutoff >= period.start + policy.granularity.seconds else { return nil }
            let through = min(cutoff, period.end)
            return "\(kind.rawValue) usage is kept \(days) days, so records of \(period) ending by \(through.iso8601) are pruned "
                + "before this rollup: their usage is priced as none (a longer retention_days keeps a month until it is invoiced)"
        }
    }

    /// Issues every draft whose invariants hold, oldest period first; the others stay drafts. One
    /// transaction reads the drafts and issues them, so a draft voided or rebuilt meanwhile (by an
    /// admin, or another issue) is never issued from what was read before.
    ///
    /// A draft is never issued short of its usage. While a day of its month is still deferred (its
    /// listings were failing at the nightly run) it waits; a draft built before usage of its month
    /// was metered (such a day, metered since) is rebuilt first.
    public func issueDrafts() throws -> IssueReport {
        var rebuilt: [String] = []
        for period in try ledger.read(TenantInvoiceStore.draftPeriodsWithLaterUsage) {
            for tenant in try rollup(period: period, force: true).tenants {
                if case .rebuilt = tenant.outcome { rebuilt.append("\(tenant.tenant) \(period)") }
            }
        }
        return try ledger.writer.write { db in
            var report = IssueReport(rebuilt: rebuilt)
            let deferred = try MeteringDeferral.all(db)
            for id in try TenantInvoiceStore.drafts(db) {
                let invoice = try TenantInvoiceStore.load(id: id, db)
                if let day = deferred.first(where: { invoice.period.start <= $0 && $0 < invoice.period.end }) {
                    report.findings.append("tenant \(invoice.tenant) \(invoice.period): usage of \(day.isoDate) is not metered yet (its "
                                           + "listings were failing at the nightly run); kept as a draft, rebuilt and issued once it is")
                    continue
                }
                let findings = InvoiceInvariants.check(invoice, subscriptions: try TenantInvoiceStore.billedSubscriptions(of: invoice, db))
                if findings.isEmpty {
                    try TenantInvoiceStore.setStatus(.issued, invoiceID: id, at: clock.now(), db)
                    report.issued.append("\(invoice.tenant) \(invoice.period)")
                } else {
                    report.findings += findings.map { "\($0) (kept as a draft)" }
                }
            }
            return report
        }
    }

    /// An issued invoice was paid.
    public func markPaid(tenant: String, period: BillingPeriod) throws -> TenantInvoice {
        try move(tenant: tenant, period: period, to: .paid, from: [.issued])
    }

    /// Cancels a draft or an issued invoice; the period may then be invoiced again. A paid
    /// invoice cannot be voided.
    public func void(tenant: String, period: BillingPeriod) throws -> TenantInvoice {
        try move(tenant: tenant, period: period, to: .void, from: [.draft, .issued])
    }

    /// The tenant's invoice for the period that is not void.
    public func invoice(tenant: String, period: BillingPeriod) throws -> TenantInvoice? {
        try ledger.read { db in
            guard let row = try TenantInvoiceStore.tenant(code: tenant, db) else { throw TenantInvoiceError.noSuchTenant(tenant) }
            return try TenantInvoiceStore.current(tenantID: row.id, period: period, db)
        }
    }

    private func move(tenant: String, period: BillingPeriod, to status: TenantInvoiceStatus,
                      from allowed: [TenantInvoiceStatus]) throws -> TenantInvoice {
        try ledger.writer.write { db in
            guard let row = try TenantInvoiceStore.tenant(code: tenant, db) else { throw TenantInvoiceError.noSuchTenant(tenant) }
            guard let current = try TenantInvoiceStore.current(tenantID: row.id, period: period, db) else {
                throw TenantInvoiceError.noInvoice(tenant: tenant, period: period)
            }
            guard allowed.contains(current.status) else {
                throw TenantInvoiceError.transition(tenant: tenant, period: period, from: current.status, to: status)
            }
            try TenantInvoiceStore.setStatus(status, invoiceID: current.id, at: clock.now(), db)
            return try TenantInvoiceStore.load(id: current.id, db)
        }
    }

    private func rollup(_ tenant: Tenant, period: BillingPeriod, book: StoredPriceBook, force: Bool,
                        meteredThrough: Timestamp?, pruned: [String]) throws -> TenantRollup {
        var result = TenantRollup(tenant: tenant.code, outcome: .nothingToBill)
        let (existing, subscriptions) = try ledger.read { db in
            (try TenantInvoiceStore.current(tenantID: tenant.id, period: period, db),
             try TenantInvoiceStore.subscriptions(tenantID: tenant.id, period: period, db))
        }
        if let existing, let outcome = Self.standing(existing, tenant: tenant.code, period: period, force: force) {
            result.outcome = outcome
            return result
        }
        let priced: PricedMonth
        do {
            priced = try BilledMonth.read(tenant: tenant, period: period, subscriptions: subscriptions, usage: usage).price(with: book.book)
        } catch {
            result.outcome = .failed(error.message)
            return result
        }
        result.notes = priced.notes
        // A ledger whose metering stopped before a subscription's days did (a served scenario's, a
        // service down for days) prices those days with no usage: said, not silent.
        if let meteredThrough, subscriptions.contains(where: { min($0.endedAt ?? period.end, period.end) > meteredThrough }) {
            result.notes.append("usage is metered only up to \(max(meteredThrough, period.start).iso8601): later days of \(period) are "
                                + "priced with none; roll up again with force once they are metered")
        }
        if !subscriptions.isEmpty { result.notes += pruned }
        return try write(priced.draft, isEmpty: priced.isEmpty, bookID: book.id, for: tenant, period: period, force: force, into: result)
    }

    /// The outcome when an existing invoice decides the matter (nil: go on and build the draft).
    private static func standing(_ existing: TenantInvoice, tenant: String, period: BillingPeriod,
                                 force: Bool) -> TenantRollup.Outcome? {
        if !force { return .skipped(invoiceID: existing.id, status: existing.status) }
        if existing.status != .draft { return .refused(.notADraft(tenant: tenant, period: period, status: existing.status)) }
        return nil
    }

    /// One transaction: re-reads the invoice's state (it may have moved since the rollup read it),
    /// writes or rebuilds the draft, then checks the invariants on what was stored.
    private func write(_ draft: TenantInvoiceDraft, isEmpty: Bool, bookID: Int64, for tenant: Tenant, period: BillingPeriod,
                       force: Bool, into result: TenantRollup) throws -> TenantRollup {
        var result = result
        let now = clock.now()
        try ledger.writer.write { db in
            let existing = try TenantInvoiceStore.current(tenantID: tenant.id, period: period, db)
            if let existing, let outcome = Self.standing(existing, tenant: tenant.code, period: period, force: force) {
                result.outcome = outcome
                return
            }
            let id: Int64
            switch (existing, isEmpty) {
            case (nil, true):
                result.outcome = .nothingToBill
                return
            case (let draft?, true):
                try TenantInvoiceStore.setStatus(.void, invoiceID: draft.id, at: now, db)
                result.outcome = .voidedDraft(invoiceID: draft.id)
                return
            case (let old?, false):
                id = old.id
                try TenantInvoiceStore.replace(draftID: id, with: draft, bookID: bookID, at: now, db)
                result.outcome = .rebuilt(invoiceID: id, total: draft.total)
            case (nil, false):
                id = try TenantInvoiceStore.insert(tenantID: tenant.id, period: period, draft: draft, bookID: bookID, at: now, db)
                result.outcome = .created(invoiceID: id, total: draft.total)
            }
            let stored = try TenantInvoiceStore.load(id: id, db)
            result.findings = InvoiceInvariants.check(stored, subscriptions: try TenantInvoiceStore.billedSubscriptions(of: stored, db))
        }
        return result
    }
}
