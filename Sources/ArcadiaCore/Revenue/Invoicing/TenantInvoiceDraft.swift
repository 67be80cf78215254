import DigitalOcean
import Foundation
import MoneyAndTime

/// A tenant invoice before it is stored: each billed subscription's quote lines, tagged with its
/// deployment and subscription, then the tenant-level tax line. Pure, so the arithmetic is
/// tested without a ledger.
struct TenantInvoiceDraft: Equatable {
    struct PricedSubscription: Equatable {
        var subscriptionID: Int64
        var deploymentID: Int64
        var quote: Quote
    }

    var lines: [TenantInvoiceLine]
    var subtotal: Money
    var tax: Money
    var total: Money

    /// Lines in the order given (the rollup passes subscriptions by deployment code, then start),
    /// each quote's lines in its own order, the tax line last. Tax is the subtotal × the tenant
    /// country's rate, rounded once; a country the book has no rate for pays no tax and gets no
    /// tax line. Nil when the subtotal, the tax or the total does not fit in integer cents.
    init?(_ priced: [PricedSubscription], taxRate: TaxRate?) {
        var lines: [TenantInvoiceLine] = []
        for subscription in priced {
            for line in subscription.quote.lines {
                lines.append(TenantInvoiceLine(
                    lineNo: lines.count + 1, kind: Self.kind(line.kind), deploymentID: subscription.deploymentID,
                    subscriptionID: subscription.subscriptionID, resourceKind: line.billingKind, description: line.description,
                    quantity: line.quantity, unitPrice: line.unitPrice, amount: line.amount,
                    daysActive: subscription.quote.daysActive, daysInPeriod: subscription.quote.period.days,
                    usedQuantity: line.usedQuantity, includedQuantity: line.includedQuantity, allowance: line.allowance))
            }
        }
        guard let subtotal = try? lines.map(\.amount).sum() else { return nil }
        self.subtotal = subtotal
        tax = .zero
        if let taxRate {
            guard let amount = taxRate.tax(on: subtotal) else { return nil }
            tax = amount
            lines.append(TenantInvoiceLine(lineNo: lines.count + 1, kind: .tax, deploymentID: nil, subscriptionID: nil,
                                           resourceKind: nil, description: taxRate.lineDescription,
                                           quantity: subtotal.dollars, unitPrice: taxRate.rate, amount: amount))
        }
        guard let total = try? subtotal.adding(tax) else { return nil }
        self.total = total
        self.lines = lines
    }

    private static func kind(_ kind: QuoteLine.Kind) -> TenantInvoiceLine.Kind {
        switch kind {
        case .planBase: .planBase
        case .addon: .addon
        case .overage: .overage
        }
    }
}
