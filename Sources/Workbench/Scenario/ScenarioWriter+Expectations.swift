import ArcadiaCore
import Foundation
import MoneyAndTime

/// `expect:` items, each one kind key with its figures in the format's units.
extension ScenarioWriter {
    static func expectation(_ spec: ExpectationSpec) -> YAMLTree {
        let body: YAMLTree
        switch spec.check {
        case .tenantInvoice(let tenant, let period, let status, let subtotal, let tax, let total):
            body = .mapping(.entry("tenant", .text(tenant)), .entry("period", .token(period.description)),
                            .entry("status", status.map { .text($0.rawValue) }), .entry("subtotal", subtotal.map(money)),
                            .entry("tax", tax.map(money)), .entry("total", total.map(money)))
        case .invoiceLine(let tenant, let period, let line, let amount, let lineQuantity):
            body = .mapping(.entry("tenant", .text(tenant)), .entry("period", .token(period.description)), .entry("line", .int(line)),
                            .entry("amount", amount.map(money)), .entry("quantity", lineQuantity.map(quantity)))
        case .usage(let deployment, let period, let billingKind, let used):
            body = .mapping(.entry("deployment", .text(deployment)), .entry("period", .token(period.description)),
                            .entry("billing_kind", .text(billingKind.rawValue)), .entry("quantity", quantity(used)))
        case .resource(let kind, let name, let status, let staleAt):
            body = .mapping(.entry("kind", .text(kind.rawValue)), .entry("name", .text(name)), .entry("status", status.map(YAMLTree.text)),
                            .entry("stale_at", staleAt.map(time)))
        case .openDrifts(let count):
            body = .mapping(.entry("count", .int(count)))
        case .doInvoice(let period, let total, let matchRate):
            body = .mapping(.entry("period", .token(period.description)), .entry("total", total.map(money)),
                            .entry("match_rate", matchRate.map(YAMLTree.text)))
        }
        return .blockMap([YAMLTree.Entry(spec.kind.rawValue, body)])
    }

    private static func money(_ amount: Money) -> YAMLTree { .token(amount.decimalString) }

    private static func quantity(_ value: Decimal) -> YAMLTree { .token(DecimalText.format(value)) }
}
