import DigitalOcean
import Foundation
import MoneyAndTime

/// What must hold for every tenant invoice, checked on the stored rows after each rollup and
/// again before a draft is issued. A violation is a finding (the invoice stays a draft), never a
/// crash: the point is to see it.
public enum InvoiceInvariants {
    /// A billed subscription: its deployment and the days it was billed for.
    public struct BilledSubscription: Sendable, Equatable {
        public var deploymentID: Int64
        public var window: BillingWindow
        public init(deploymentID: Int64, window: BillingWindow) {
            self.deploymentID = deploymentID
            self.window = window
        }
    }

    /// `subscriptions` holds the billing window of every subscription the invoice's lines name.
    public static func check(_ invoice: TenantInvoice, subscriptions: [Int64: BilledSubscription]) -> [String] {
        let label = "tenant \(invoice.tenant) \(invoice.period)"
        var findings: [String] = []
        // A sum that overflows is a finding too: stored amounts are checked, not trusted.
        let sum = { (amounts: [Money]) -> Money? in try? amounts.sum() }
        if sum([invoice.subtotal, invoice.tax]) != invoice.total {
            findings.append("\(label): total \(invoice.total) is not subtotal \(invoice.subtotal) + tax \(invoice.tax)")
        }
        let charged = sum(invoice.lines.filter { $0.kind != .tax }.map(\.amount))
        if invoice.subtotal != charged {
            findings.append("\(label): subtotal \(invoice.subtotal) is not the sum of its non-tax lines, \(charged.map(\.description) ?? "which overflows")")
        }
        let taxed = sum(invoice.lines.filter { $0.kind == .tax }.map(\.amount))
        if invoice.tax != taxed {
            findings.append("\(label): tax \(invoice.tax) is not the sum of its tax lines, \(taxed.map(\.description) ?? "which overflows")")
        }
        findings += countedTwice(invoice, subscriptions: subscriptions, label: label)
        return findings
    }

    /// Usage is charged per subscription over its billing window, so it is counted twice when one
    /// subscription is billed twice (two base lines, or overage lines for one kind that are not the
    /// tiers of one graduated price) or when two subscriptions of one deployment are billed for the
    /// same day.
    private static func countedTwice(_ invoice: TenantInvoice, subscriptions: [Int64: BilledSubscription], label: String) -> [String] {
        var findings: [String] = []
        let keyOf = { (line: TenantInvoiceLine) in
            "\(line.subscriptionID.map(String.init) ?? "none") \(line.kind.rawValue) \(line.resourceKind?.rawValue ?? "")"
        }
        let overage = Dictionary(grouping: invoice.lines.filter { $0.kind == .overage }, by: keyOf)
        var seen: [String: Int] = [:]
        for line in invoice.lines where line.kind == .planBase || line.kind == .overage {
            let key = keyOf(line)
            if line.kind == .overage, let group = overage[key], areTiers(group) { continue }
            if let first = seen[key] {
                let what = line.kind == .planBase ? "the plan base" : "overage of \(line.resourceKind?.rawValue ?? "?")"
                findings.append("\(label): lines \(first) and \(line.lineNo) both charge \(what) of subscription \(line.subscriptionID.map(String.init) ?? "none")")
            } else {
                seen[key] = line.lineNo
            }
        }
        var billed: [Int64] = []
        for line in invoice.lines where line.kind != .tax {
            guard let id = line.subscriptionID else {
                findings.append("\(label): line \(line.lineNo) (\(line.kind.rawValue)) names no subscription")
                continue
            }
            if let subscription = subscriptions[id], subscription.deploymentID != line.deploymentID {
                findings.append("\(label): line \(line.lineNo) names deployment \(line.deploymentID.map(String.init) ?? "none") "
                                + "but its subscription \(id) belongs to deployment \(subscription.deploymentID)")
            }
            if !billed.contains(id) { billed.append(id) }
        }
        for (index, first) in billed.enumerated() {
            guard let a = subscriptions[first] else {
                findings.append("\(label): subscription \(first) on its lines is not in the ledger")
                continue
            }
            for second in billed[(index + 1)...] {
                guard let b = subscriptions[second], a.deploymentID == b.deploymentID, a.window.overlaps(b.window) else { continue }
                findings.append("\(label): subscriptions \(first) and \(second) of deployment \(a.deploymentID) are both billed for "
                                + "\(max(a.window.from, b.window.from).isoDate) … \(min(a.window.to, b.window.to).isoDate) (exclusive), "
                                + "so that usage is counted twice")
            }
        }
        return findings
    }

    /// Graduated tiers: overage lines of one usage (the same use and allowance) whose positive
    /// quantities add up to exactly the usage above the allowance, so no unit is charged twice.
    private static func areTiers(_ lines: [TenantInvoiceLine]) -> Bool {
        guard lines.count > 1, let used = lines[0].usedQuantity, let allowance = lines[0].allowance else { return false }
        guard lines.allSatisfy({ $0.usedQuantity == used && $0.allowance == allowance && $0.quantity > 0 }) else { return false }
        return lines.reduce(Decimal(0)) { $0 + $1.quantity } == used - allowance
    }
}
