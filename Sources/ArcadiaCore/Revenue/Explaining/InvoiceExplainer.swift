import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// Builds an `InvoiceExplanation` from the ledger: the lineage from an invoice line to the
/// observations behind it, which otherwise takes a three-join query by hand. It reads what the
/// rollup read (the book the invoice records, each subscription's billing window, metered usage
/// records whose period starts in it), so the explanation's quantities are the ones the invoice
/// was priced from, unless the usage changed since (a re-meter).
public enum InvoiceExplainer {
    /// The invoice with id `id` explained, or nil when there is none in `scope` (as the API's
    /// invoice detail, a tenant cannot tell another's invoice from a missing one).
    public static func explain(invoiceID id: Int64, scope: LedgerScope, _ db: Database) throws -> InvoiceExplanation? {
        guard let invoice = try TenantInvoiceQuery.invoice(id: id, scope: scope, db) else { return nil }
        let book = try PriceBookStore.book(of: invoice, db)?.book
        let subscriptions = try Subscription.fetchAll(db, ids: Set(invoice.lines.compactMap(\.subscriptionID)))
        var lines: [InvoiceExplanation.Line] = []
        let policies = try MeteringConfigStore.load(db)
        for line in invoice.lines {
            let subscription = subscriptions.first { $0.id == line.subscriptionID }
            let window = subscription.flatMap { BillingWindow(startedAt: $0.startedAt, endedAt: $0.endedAt, in: invoice.period) }
            var explained = InvoiceExplanation.Line(line: line, subscription: subscription, window: window,
                                                    pricedBy: pricedBy(line, subscription, book), allowance: nil, usage: [])
            if let subscription, let window {
                let kinds: [BillingKind]
                switch line.kind {
                case .overage: kinds = line.resourceKind.map { [$0] } ?? []
                case .planBase: kinds = withinAllowance(subscription, invoice, book)
                case .addon, .tax: kinds = []
                }
                // A kind the plan includes but nothing used says nothing about the invoice.
                explained.usage = try kinds.map { kind in
                    var found = try usage(kind, deploymentID: subscription.deploymentID, window: window, db)
                    found.retentionDays = policies[kind]?.retentionDays
                    return found
                }
                    .filter { line.kind == .overage || !$0.resources.isEmpty }
            }
            if line.kind == .overage, let included = line.includedQuantity, let charged = line.allowance,
               let days = line.daysActive, let daysInPeriod = line.daysInPeriod {
                explained.allowance = InvoiceExplanation.Allowance(included: included, charged: charged, daysActive: days, daysInPeriod: daysInPeriod)
            }
            lines.append(explained)
        }
        return InvoiceExplanation(invoice: invoice, priceBook: book.map { .init(name: $0.name, effectiveFrom: $0.effectiveFrom) }, lines: lines)
    }

    public static func explain(invoiceID id: Int64, scope: LedgerScope, in ledger: Ledger) async throws -> InvoiceExplanation? {
        try await ledger.read { try explain(invoiceID: id, scope: scope, $0) }
    }

    /// The id of a tenant's invoice for `period`: the latest that is not void (nil when it has none).
    public static func invoiceID(tenant: String, period: BillingPeriod, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT i.id FROM tenant_invoices i JOIN tenants t ON t.id = i.tenant_id
            WHERE t.code = ? AND i.period = ? AND i.status <> 'void' ORDER BY i.id DESC LIMIT 1
            """, arguments: [tenant, period])
    }

    /// Whether a tenant has this code: "no such tenant" and "no invoice that month" are different answers.
    public static func tenantExists(code: String, _ db: Database) throws -> Bool {
        try TenantInvoiceStore.tenant(code: code, db) != nil
    }

    private static func pricedBy(_ line: TenantInvoiceLine, _ subscription: Subscription?, _ book: PriceBook?) -> InvoiceExplanation.PricedBy? {
        guard let book else { return nil }
        switch line.kind {
        case .tax:
            return book.taxRates.first { $0.lineDescription == line.description }.map { .tax(label: $0.label, rate: $0.rate) }
                ?? .missing("no tax rate of '\(book.name)' is written '\(line.description)'")
        case .planBase:
            guard let code = subscription?.planCode, let plan = book.plan(code) else { return .missing("plan \(subscription?.planCode ?? "?")") }
            return .plan(code: plan.code, name: plan.name, monthlyPrice: plan.basePrice)
        case .addon:
            guard let addon = book.addons.first(where: { line.description == "Addon: \($0.code)" }) else { return .missing(line.description) }
            return .addon(code: addon.code, name: addon.name, monthlyPrice: addon.monthlyPrice, allowance: addon.allowance)
        case .overage:
            guard let code = subscription?.planCode, let item = book.plan(code)?.items.first(where: { $0.billingKind == line.resourceKind })
            else { return .missing("plan item \(line.resourceKind?.rawValue ?? "?")") }
            return .planItem(plan: code, billingKind: item.billingKind, included: item.includedQuantity, overage: item.overage)
        }
    }

    /// The plan's kinds the subscription has no overage line for: usage it paid for in the base price.
    private static func withinAllowance(_ subscription: Subscription, _ invoice: TenantInvoice, _ book: PriceBook?) -> [BillingKind] {
        let charged = Set(invoice.lines.filter { $0.kind == .overage && $0.subscriptionID == subscription.id }.compactMap(\.resourceKind))
        return (book?.plan(subscription.planCode)?.items.map(\.billingKind) ?? []).filter { !charged.contains($0) }
    }

    /// The metered records of `kind` whose period starts in the window, by resource, each resource
    /// with its events up to the window's end (and the stale mark of a first miss within it).
    private static func usage(_ kind: BillingKind, deploymentID: Int64, window: BillingWindow, _ db: Database) throws -> InvoiceExplanation.Usage {
        let records = try UsageRecord.fetchAll(db, sql: """
            SELECT * FROM usage_records WHERE deployment_id = ? AND billing_kind = ? AND source = 'metered'
              AND period_start >= ? AND period_start < ? ORDER BY resource_id, period_start, granularity
            """, arguments: [deploymentID, kind, window.from, window.to])
        var resources: [InvoiceExplanation.ResourceUsage] = []
        for resourceID in records.map(\.resourceID).uniqued() {
            guard let resource = try CloudResource.fetchOne(db, key: resourceID) else { continue }
            let own = records.filter { $0.resourceID == resourceID }.map { record in
                InvoiceExplanation.Record(periodStart: record.periodStart, periodEnd: record.periodEnd, granularity: record.granularity,
                                          quantity: record.quantity.decimal, recordedAt: record.recordedAt)
            }
            // A stale mark is recorded a few listings after the first miss that ends the usage, so it
            // belongs here when that miss (`missing_since`) is in the window, even when the mark is not.
            let events = try ResourceEvent.fetchAll(db, sql: """
                SELECT * FROM cloud_resource_events WHERE resource_id = :id
                  AND (at < :end OR (event = :stale AND field = :missingSince AND unixepoch(new_value) < unixepoch(:end)))
                ORDER BY at, id
                """, arguments: ["id": resourceID, "end": window.to, "stale": ResourceEventKind.stale.rawValue,
                                 "missingSince": ResourceEvent.missingSinceField])
            resources.append(InvoiceExplanation.ResourceUsage(
                resource: ResourceRef(id: resource.id, kind: resource.kind, name: resource.name, providerID: resource.providerID),
                quantity: own.reduce(0) { $0 + $1.quantity }, records: own, events: events))
        }
        resources.sort { ($0.resource.kind, $0.resource.name, $0.resource.providerID) < ($1.resource.kind, $1.resource.name, $1.resource.providerID) }
        return InvoiceExplanation.Usage(billingKind: kind, quantity: resources.reduce(0) { $0 + $1.quantity }, resources: resources,
                                        retentionDays: nil)
    }
}
