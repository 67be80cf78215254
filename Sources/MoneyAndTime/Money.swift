/// An exact amount of US dollars in integer cents.
///
/// DO sends every billing amount as a decimal string (`"12.34"` in JSON, `"$12.34"` in invoice
/// CSVs). Going through `Double` or `Decimal(string:)` would either lose cents or accept amounts
/// DO never sends, so both forms are parsed and printed here digit by digit, and every engine that
/// handles money (cost ingestion, tenant invoices, the fake's billing) shares this one type and its
/// one rounding rule (`roundHalfUp`).
public struct Money: Hashable, Comparable, Sendable {
    public var cents: Int

    public init(cents: Int) {
        self.cents = cents
    }

    public static let zero = Money(cents: 0)

    /// Parses DO's JSON decimal form: an optional `-`, at least one digit, and optionally a `.`
    /// followed by one or two digits (`"12.34"`, `"-12.34"`, `"5"`, `"0.5"`). Anything else,
    /// including a third decimal (`"12.345"`), is refused rather than rounded: a sub-cent amount
    /// means the input is not what we think it is.
    public init(decimal text: some StringProtocol) throws(MoneyParseError) {
        self = try MoneyParser.parse(String(text), allowDollarSign: false)
    }

    /// Parses DO's CSV form, where the amount carries a `$`: `"$3.11"`, `"-$3.11"` (the sign may
    /// also follow the `$`), and may group thousands (`"$1,234.56"`). The `$` is optional, so a
    /// plain decimal parses too.
    public init(csvAmount text: some StringProtocol) throws(MoneyParseError) {
        self = try MoneyParser.parse(String(text), allowDollarSign: true)
    }

    /// DO's JSON form: `"12.34"`, `"-0.05"`, `"0.00"` — always two decimals.
    public var decimalString: String {
        (cents < 0 ? "-" : "") + Self.unsignedDecimal(cents.magnitude)
    }

    /// DO's CSV form: `"$12.34"`, `"-$0.05"`.
    public var csvString: String {
        (cents < 0 ? "-$" : "$") + Self.unsignedDecimal(cents.magnitude)
    }

    /// The largest amount, either sign, that any input may state: $1,000,000,000.00 (10¹¹ cents).
    /// Prices (scenario sizes, price books), CSV amounts and DO's JSON amounts above it are refused
    /// where they are read (`MoneyParseError.Reason.tooLarge`), with the file and line. The bound
    /// keeps the arithmetic on amounts far from `Int`'s limit (a month of hours × the largest
    /// price is 7.4 × 10¹³ cents); the arithmetic still reports overflow rather than trapping.
    public static let largest = Money(cents: 100_000_000_000)

    /// `numerator / denominator` rounded to the nearest integer, an exact half rounded away from
    /// zero ("half up" for the non-negative amounts billing produces). Integer arithmetic only, so
    /// `600 × 10 / 672 = 8.93 → 9` is computed exactly; this is the project's one rounding rule.
    /// It cannot overflow: the remainder is compared with what is left of the denominator.
    public static func roundHalfUp(_ numerator: Int, dividedBy denominator: Int) -> Int {
        precondition(denominator > 0, "rounding needs a positive denominator, got \(denominator)")
        let rounded = roundHalfUp(Int128(numerator), dividedBy: Int128(denominator))
        return Int(rounded)  // |rounded| ≤ |numerator|, so it fits.
    }

    /// The same rule in 128 bits, for products of amounts that may not fit in 64.
    public static func roundHalfUp(_ numerator: Int128, dividedBy denominator: Int128) -> Int128 {
        let magnitude = numerator.magnitude
        let divisor = denominator.magnitude
        let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: divisor)
        let rounded = Int128(quotient) + (remainder >= divisor - remainder ? 1 : 0)
        return numerator < 0 ? -rounded : rounded
    }

    /// `self × factor ÷ divisor`, rounded once by `roundHalfUp`, computed in 128 bits: a price
    /// times days or hours over the days or hours of a month, tax in basis points. Throws when the
    /// result does not fit in `Int` cents instead of trapping.
    public func scaled(by factor: Int, dividedBy divisor: Int) throws(MoneyOverflow) -> Money {
        precondition(divisor > 0, "scaling needs a positive divisor, got \(divisor)")
        let rounded = Self.roundHalfUp(Int128(cents) * Int128(factor), dividedBy: Int128(divisor))
        guard let result = Int(exactly: rounded) else { throw MoneyOverflow() }
        return Money(cents: result)
    }

    /// `self + other`, or `MoneyOverflow` when the sum does not fit in `Int` cents.
    public func adding(_ other: Money) throws(MoneyOverflow) -> Money {
        let (sum, overflow) = cents.addingReportingOverflow(other.cents)
        guard !overflow else { throw MoneyOverflow() }
        return Money(cents: sum)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    /// Negation cannot overflow for an amount within `largest`; `Int.min` cents keeps its sign
    /// rather than trapping (no input reaches it).
    public static prefix func - (value: Money) -> Money { Money(cents: 0 &- value.cents) }

    private static func unsignedDecimal(_ cents: UInt) -> String {
        let fraction = cents % 100
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension Money: CustomStringConvertible {
    /// The JSON form, so interpolating a `Money` reads as DO shows it.
    public var description: String { decimalString }
}

/// An amount left `Int`'s range: reported, never wrapped or trapped. Each caller names what it
/// was adding up (a quote's line, an invoice's subtotal).
public struct MoneyOverflow: Error, Equatable, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "the amount does not fit in integer cents" }
}

extension Sequence where Element == Money {
    /// The exact total, or `MoneyOverflow` when it does not fit in `Int` cents; an empty sequence
    /// sums to zero.
    public func sum() throws(MoneyOverflow) -> Money {
        var total = Money.zero
        for amount in self { total = try total.adding(amount) }
        return total
    }
}
