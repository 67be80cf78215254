import DigitalOcean
import Foundation
import MoneyAndTime

/// The explanation for people (`text`) and for tools (`json`): the same content, the text folding
/// runs of equal usage records (`30 × 24` for a month of full days) that the JSON lists one by one.
extension InvoiceExplanation {
    public var text: String {
        var out = "Invoice #\(invoice.id): \(invoice.tenant) (\(invoice.tenantName)), \(invoice.period), \(invoice.status.rawValue): "
            + "subtotal \(invoice.subtotal.decimalString), tax \(invoice.tax.decimalString), total \(invoice.total.decimalString) \(invoice.currency)\n"
        out += "Price book: \(priceBook.map { "\($0.name) (effective \($0.effectiveFrom.isoDate))" } ?? "none in effect on \(invoice.period.start.isoDate)")\n"
        for line in lines {
            out += "\n" + Self.lineText(line, daysInPeriod: invoice.period.days)
        }
        return out
    }

    private static func lineText(_ explained: Line, daysInPeriod: Int) -> String {
        let line = explained.line
        var out = "Line \(line.lineNo)  \(line.kind.rawValue)  \(line.deploymentCode ?? "-")  \(line.description)  "
            + line.arithmetic(daysInPeriod: daysInPeriod) + "\n"
        if let subscription = explained.subscription {
            let addons = subscription.addonCodes.isEmpty ? "no addons" : "addons " + subscription.addonCodes.joined(separator: ", ")
            out += "  subscription: \(subscription.planCode) (\(addons)) from \(subscription.startedAt)"
                + (subscription.endedAt.map { " to \($0)" } ?? "") + "\n"
        }
        if let window = explained.window {
            out += "  billed: \(window.from.isoDate) ..< \(window.to.isoDate), \(line.daysActive ?? window.days) of \(line.daysInPeriod ?? 0) days\n"
        }
        if let pricedBy = explained.pricedBy { out += "  priced by: \(pricedByText(pricedBy))\n" }
        if let allowance = explained.allowance {
            out += "  allowance: \(DecimalText.format(allowance.included)) a month; "
                + (allowance.prorated
                    ? "prorated to \(DecimalText.format(allowance.charged)) (\(allowance.daysActive) of \(allowance.daysInPeriod) days)"
                    : allowance.daysActive < allowance.daysInPeriod
                    ? "charged in full for \(allowance.daysActive) of \(allowance.daysInPeriod) days (the book sets prorate_allowances: false)"
                    : "charged in full") + "\n"
        }
        for usage in explained.usage {
            if usage.resources.isEmpty, let days = usage.retentionDays {
                out += "  usage: no \(usage.billingKind) records are left; metering keeps them \(days) days (metering_config), "
                    + "so those this line was billed from may have been pruned since\n"
                continue
            }
            out += "  usage: \(DecimalText.format(usage.quantity)) \(usage.billingKind) from \(usage.resources.count) resource"
                + (usage.resources.count == 1 ? "" : "s") + "\n"
            for resource in usage.resources {
                out += "    \(resource.resource.kind) \(resource.resource.name) (\(resource.resource.providerID)): "
                    + "\(DecimalText.format(resource.quantity)) in \(resource.records.count) record" + (resource.records.count == 1 ? "" : "s") + "\n"
                for run in runs(resource.records) {
                    out += "      \(run.from) ..< \(run.to)  \(run.count) x \(DecimalText.format(run.quantity)) \(run.granularity)\n"
                }
                for event in resource.events {
                    out += "      \(event.at)  \(eventText(event))\n"
                }
            }
        }
        return out
    }

    private static func pricedByText(_ pricedBy: PricedBy) -> String {
        switch pricedBy {
        case .plan(let code, let name, let price): "plan \(code) (\(name)), \(price.decimalString) a month"
        case .addon(let code, let name, let price, let allowance):
            "addon \(code) (\(name)), \(price.decimalString) a month"
                + (allowance.map { ", adds \(DecimalText.format($0.quantity)) \($0.billingKind)" } ?? "")
        case .planItem(let plan, let kind, let included, let overage):
            "plan \(plan), item \(kind): \(DecimalText.format(included)) included a month, over it \(overageText(overage))"
        case .tax(let label, let rate): "tax \(label) at \(DecimalText.format(rate * 100))% of the subtotal"
        case .missing(let what): "not in the invoice's book (\(what))"
        }
    }

    /// Tiers in the invoice lines' own notation, counted in units above the allowance
    /// (`docs/revenue.md`): `graduated tiers [0, 500) at 0.02, [500, …) at 0.015 a unit above the allowance`.
    private static func overageText(_ price: OveragePrice) -> String {
        if case .flat(let unitPrice) = price { return "\(DecimalText.format(unitPrice)) a unit" }
        return "\(price.mode) tiers " + tierRanges(price).map { "\($0.range) at \(DecimalText.format($0.tier.unitPrice))" }
            .joined(separator: ", ") + " a unit above the allowance"
    }

    private static func tierRanges(_ price: OveragePrice) -> [(range: String, tier: PriceTier)] {
        var from: Decimal = 0
        return price.tiers.map { tier in
            defer { from = tier.upTo ?? from }
            return ("[\(DecimalText.format(from)), \(tier.upTo.map(DecimalText.format) ?? "…"))", tier)
        }
    }

    /// The overage as fields a tool can read: a flat unit price, or the mode and each tier.
    private static func overageJSON(_ price: OveragePrice) -> [String: JSONValue] {
        if case .flat(let unitPrice) = price { return ["overage_mode": .string("flat"), "overage_unit_price": decimal(unitPrice)] }
        return ["overage_mode": .string(price.mode),
                "overage_tiers": .array(price.tiers.map { .object(["up_to": decimal($0.upTo), "unit_price": decimal($0.unitPrice)]) })]
    }

    static func eventText(_ event: ResourceEvent) -> String {
        var text = event.event.rawValue
        if let field = event.field { text += " \(field)" }
        if event.oldValue != nil || event.newValue != nil { text += ": \(event.oldValue ?? "-") -> \(event.newValue ?? "-")" }
        return text
    }

    /// Consecutive records of one quantity and granularity, as one row: `from ..< to  count x quantity`.
    struct RecordRun: Equatable {
        var from: Timestamp
        var to: Timestamp
        var count: Int
        var quantity: Decimal
        var granularity: MeteringGranularity
    }

    static func runs(_ records: [Record]) -> [RecordRun] {
        var runs: [RecordRun] = []
        for record in records {
            if let last = runs.last, last.to == record.periodStart, last.quantity == record.quantity, last.granularity == record.granularity {
                runs[runs.count - 1].to = record.periodEnd
                runs[runs.count - 1].count += 1
            } else {
                runs.append(RecordRun(from: record.periodStart, to: record.periodEnd, count: 1, quantity: record.quantity,
                                      granularity: record.granularity))
            }
        }
        return runs
    }

    // MARK: JSON

    public var json: JSONValue {
        .object([
            "invoice": .object([
                "id": .int(invoice.id), "tenant": .string(invoice.tenant), "period": .string(invoice.period.description),
                "status": .string(invoice.status.rawValue), "currency": .string(invoice.currency),
                "subtotal": .string(invoice.subtotal.decimalString), "tax": .string(invoice.tax.decimalString),
                "total": .string(invoice.total.decimalString),
            ]),
            "price_book": priceBook.map { JSONValue.object(["name": .string($0.name), "effective_from": .string($0.effectiveFrom.isoDate)]) } ?? .null,
            "lines": .array(lines.map(Self.lineJSON)),
        ])
    }

    private static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    private static func decimal(_ value: Decimal?) -> JSONValue { value.map { .string(DecimalText.format($0)) } ?? .null }
    private static func integer(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }

    private static func lineJSON(_ explained: Line) -> JSONValue {
        let line = explained.line
        return .object([
            "line_no": .int(Int64(line.lineNo)), "line_type": .string(line.kind.rawValue), "deployment": optional(line.deploymentCode),
            "description": .string(line.description), "quantity": decimal(line.quantity), "unit_price": decimal(line.unitPrice),
            "amount": .string(line.amount.decimalString), "days_active": integer(line.daysActive), "days_in_period": integer(line.daysInPeriod),
            "subscription": explained.subscription.map { subscription in
                JSONValue.object(["id": .int(subscription.id), "plan": .string(subscription.planCode),
                         "addons": .array(subscription.addonCodes.map(JSONValue.string)),
                         "started_at": .string(subscription.startedAt.iso8601), "ended_at": optional(subscription.endedAt?.iso8601)])
            } ?? .null,
            "billed": explained.window.map { JSONValue.object(["from": .string($0.from.iso8601), "to": .string($0.to.iso8601), "days": .int(Int64($0.days))]) }
                ?? .null,
            "priced_by": explained.pricedBy.map(pricedByJSON) ?? .null,
            "allowance": explained.allowance.map { allowance in
                JSONValue.object(["included": decimal(allowance.included), "charged": decimal(allowance.charged), "prorated": .bool(allowance.prorated),
                         "days_active": .int(Int64(allowance.daysActive)), "days_in_period": .int(Int64(allowance.daysInPeriod))])
            } ?? .null,
            "usage": .array(explained.usage.map(usageJSON)),
        ])
    }

    private static func pricedByJSON(_ pricedBy: PricedBy) -> JSONValue {
        switch pricedBy {
        case .plan(let code, let name, let price):
            .object(["kind": .string("plan"), "code": .string(code), "name": .string(name), "monthly_price": .string(price.decimalString)])
        case .addon(let code, let name, let price, let allowance):
            .object(["kind": .string("addon"), "code": .string(code), "name": .string(name), "monthly_price": .string(price.decimalString),
                     "billing_kind": optional(allowance?.billingKind.rawValue), "included": decimal(allowance?.quantity)])
        case .planItem(let plan, let kind, let included, let overage):
            .object(["kind": .string("plan_item"), "plan": .string(plan), "billing_kind": .string(kind.rawValue), "included": decimal(included),
                     "overage": .string(overageText(overage))].merging(overageJSON(overage)) { first, _ in first })
        case .tax(let label, let rate):
            .object(["kind": .string("tax"), "label": .string(label), "rate": decimal(rate)])
        case .missing(let what):
            .object(["kind": .string("missing"), "note": .string(what)])
        }
    }

    private static func usageJSON(_ usage: Usage) -> JSONValue {
        .object([
            "billing_kind": .string(usage.billingKind.rawValue),
            "quantity": decimal(usage.quantity),
            "retention_days": integer(usage.retentionDays),
            "resources": .array(usage.resources.map { resource in
                JSONValue.object([
                    "kind": .string(resource.resource.kind.rawValue), "name": .string(resource.resource.name),
                    "provider_id": .string(resource.resource.providerID), "quantity": decimal(resource.quantity),
                    "records": .array(resource.records.map { record in
                        JSONValue.object(["period_start": .string(record.periodStart.iso8601), "period_end": .string(record.periodEnd.iso8601),
                                 "granularity": .string(record.granularity.rawValue), "quantity": decimal(record.quantity),
                                 "recorded_at": .string(record.recordedAt.iso8601)])
                    }),
                    "events": .array(resource.events.map { event in
                        JSONValue.object(["at": .string(event.at.iso8601), "event": .string(event.event.rawValue), "field": optional(event.field),
                                 "old_value": optional(event.oldValue), "new_value": optional(event.newValue)])
                    }),
                ])
            }),
        ])
    }
}
