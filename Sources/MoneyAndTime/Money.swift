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

    /// `numerator / denominator` rounded to the nearest integer, an exact half rounded away from
    /// zero ("half up" for the non-negative amounts billing produces). Integer arithmetic only, so
    /// `600 × 10 / 672 = 8.93 → 9` is computed exactly; this is the project's one rounding rule.
    public static func roundHalfUp(_ numerator: Int, dividedBy denominator: Int) -> Int {
        precondition(denominator > 0, "rounding needs a positive denominator, got \(denominator)")
        let magnitude = (2 * numerator.magnitude + denominator.magnitude) / (2 * denominator.magnitude)
        return numerator < 0 ? -Int(magnitude) : Int(magnitude)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }

    private static func unsignedDecimal(_ cents: UInt) -> String {
        let fraction = cents % 100
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension Money: CustomStringConvertible {
    /// The JSON form, so interpolating a `Money` reads as DO shows it.
    public var description: String { decimalString }
}

extension Sequence where Element == Money {
    /// The exact total; an empty sequence sums to zero.
    public func sum() -> Money {
        reduce(.zero, +)
    }
}
