import Foundation

/// Why a quote cannot be made; each names what was asked and what the book offers.
public enum QuoteError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownPlan(String, book: String, known: [String])
    case unknownAddon(String, book: String, known: [String])
    case addonTwice(String)
    case negativeUsage(billingKind: BillingKind, quantity: Decimal)
    case daysOutOfRange(Int, period: BillingPeriod)
    /// A line whose amount does not fit in integer cents (an absurd quantity).
    case amountOutOfRange(line: String)

    public var description: String {
        switch self {
        case .unknownPlan(let code, let book, let known):
            return "price book '\(book)' has no plan '\(code)'; its plans: \(known.joined(separator: ", "))"
        case .unknownAddon(let code, let book, let known):
            let list = known.isEmpty ? "it has none" : "its addons: \(known.joined(separator: ", "))"
            return "price book '\(book)' has no addon '\(code)'; \(list)"
        case .addonTwice(let code):
            return "addon '\(code)' is asked for twice; a subscription holds an addon once"
        case .negativeUsage(let kind, let quantity):
            return "usage of \(kind) is \(DecimalText.format(quantity)); usage cannot be negative"
        case .daysOutOfRange(let days, let period):
            return "\(days) days active is outside 1…\(period.days), the days of \(period)"
        case .amountOutOfRange(let line):
            return "the amount of '\(line)' does not fit in integer cents"
        }
    }
}
