import Foundation

/// A metered quantity: a non-negative decimal with at most `scale` decimals, held as an integer
/// count of millionths so accrual arithmetic is exact. Stored in the ledger as its canonical text
/// (`12`, `12.5`, `0.032258`: no exponent, no trailing zeros, `0` for zero).
public struct UsageQuantity: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Decimal places kept: one millionth of a unit. Far below anything a price can resolve (a cent
    /// at $0.0125 per GB-month is 0.8 GB-months), and enough that one day of a DNS zone
    /// (1/31 = 0.032258…) is within a millionth of exact.
    public static let scale = 6
    static let unitsPerOne: Int64 = 1_000_000

    public var millionths: Int64

    public init(millionths: Int64) {
        precondition(millionths >= 0, "a usage quantity is never negative")
        self.millionths = millionths
    }

    public static let zero = UsageQuantity(millionths: 0)

    /// Parses canonical (or any plain) decimal text with at most `scale` decimals: `12`, `0.5`,
    /// `3.250000`. Anything else (a sign, an exponent, a seventh decimal) is nil.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
        guard digits(parts[0]), parts.count == 1 || (digits(parts[1]) && parts[1].count <= Self.scale),
              parts[0].count <= 12, let whole = Int64(parts[0]) else { return nil }
        let fraction = parts.count == 2 ? Int64(parts[1].padding(toLength: Self.scale, withPad: "0", startingAt: 0))! : 0
        self.init(millionths: whole * Self.unitsPerOne + fraction)
    }

    public var canonical: String { Self.canonical(millionths: Int128(millionths)) }

    /// The exact value as a Foundation `Decimal`, built from the canonical text.
    public var decimal: Decimal { Self.decimal(millionths: Int128(millionths)) }

    /// An exact sum of quantities, given in millionths (wider than one quantity's range), as a
    /// Foundation `Decimal` built from its canonical text: summing integers and converting once
    /// gives the same value as adding each quantity's `Decimal`, without parsing one per record.
    public static func decimal(millionths total: Int128) -> Decimal {
        Decimal(string: canonical(millionths: total), locale: Locale(identifier: "en_US_POSIX"))!
    }

    private static func canonical(millionths: Int128) -> String {
        let whole = millionths / Int128(unitsPerOne)
        let fraction = millionths % Int128(unitsPerOne)
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: Self.scale - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    public var description: String { canonical }

    public static func < (lhs: UsageQuantity, rhs: UsageQuantity) -> Bool { lhs.millionths < rhs.millionths }
    public static func + (lhs: UsageQuantity, rhs: UsageQuantity) -> UsageQuantity { UsageQuantity(millionths: lhs.millionths + rhs.millionths) }
}
