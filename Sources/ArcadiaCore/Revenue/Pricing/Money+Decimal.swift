import DigitalOcean
import Foundation
import MoneyAndTime

extension Money {
    /// An exact amount of dollars (`256 × 0.0125 = 3.2`, or `0.0125 × 3 = 0.0375`) to the nearest
    /// cent by the project's one rule, `Money.roundHalfUp`. Nil when it does not fit in `Int` cents.
    ///
    /// Half-up rounding to a whole cent only depends on the first digit after the cent, so the
    /// amount is truncated to tenths of a cent first (exact) and that integer is rounded by
    /// `roundHalfUp(_, dividedBy: 10)`: the same rule and the same code as every other amount.
    public init?(roundingDollars dollars: Decimal) {
        var tenths = dollars.magnitude * 1_000
        var truncated = Decimal()
        NSDecimalRound(&truncated, &tenths, 0, .down)
        // In 128 bits: tenths of a cent reach ten times further than the cents they round to.
        guard let magnitude = Int128(truncated.description),
              let cents = Int(exactly: Money.roundHalfUp(dollars < 0 ? -magnitude : magnitude, dividedBy: 10)) else { return nil }
        self.init(cents: cents)
    }

    /// The exact dollar amount, for multiplying by a rate or a quantity.
    public var dollars: Decimal { Decimal(cents) / 100 }
}
