import MoneyAndTime
import Testing

/// Exact decimal-string ↔ cents conversion, and the one rounding rule.
@Suite struct MoneyTests {
    @Test func parsesDOsJSONDecimals() throws {
        #expect(try Money(decimal: "12.34").cents == 1234)
        #expect(try Money(decimal: "-12.34").cents == -1234)
        #expect(try Money(decimal: "0.00").cents == 0)
        #expect(try Money(decimal: "5").cents == 500)
        #expect(try Money(decimal: "0.5").cents == 50)
        #expect(try Money(decimal: "0.05").cents == 5)
        #expect(try Money(decimal: "-0.07").cents == -7)
        #expect(try Money(decimal: "123456789.99").cents == 12_345_678_999)
    }

    @Test func parsesCSVAmountsWithDollarSign() throws {
        #expect(try Money(csvAmount: "$3.11").cents == 311)
        #expect(try Money(csvAmount: "$0.16").cents == 16)
        #expect(try Money(csvAmount: "-$3.11").cents == -311)
        #expect(try Money(csvAmount: "$-3.11").cents == -311)
        #expect(try Money(csvAmount: "6.00").cents == 600)
    }

    @Test func refusesWhatIsNotWholeCents() {
        #expect(throws: MoneyParseError(text: "12.345", reason: .tooManyDecimals)) { try Money(decimal: "12.345") }
        #expect(throws: MoneyParseError(text: "abc", reason: .notANumber)) { try Money(decimal: "abc") }
        #expect(throws: MoneyParseError(text: "", reason: .empty)) { try Money(decimal: "") }
        #expect(throws: MoneyParseError(text: "$3.11", reason: .notANumber)) { try Money(decimal: "$3.11") }
        #expect(throws: MoneyParseError(text: "$$3", reason: .notANumber)) { try Money(csvAmount: "$$3") }
        for text in ["12.", ".5", "-", "1,234.00", " 1.00", "1.0.0", "--1", "+1", "1e3"] {
            #expect(throws: MoneyParseError.self, "\(text)") { try Money(decimal: text) }
        }
        #expect(throws: MoneyParseError(text: "99999999999999999999", reason: .tooLarge)) { try Money(decimal: "99999999999999999999") }
        #expect(MoneyParseError(text: "12.345", reason: .tooManyDecimals).description
            == #""12.345" is not an amount of money: more than two decimals (amounts are whole cents)"#)
    }

    @Test func printsDOsForms() throws {
        #expect(Money(cents: 1234).decimalString == "12.34")
        #expect(Money(cents: 600).decimalString == "6.00")
        #expect(Money(cents: 5).decimalString == "0.05")
        #expect(Money(cents: 0).decimalString == "0.00")
        #expect(Money(cents: -1234).decimalString == "-12.34")
        #expect(Money(cents: -5).csvString == "-$0.05")
        #expect(Money(cents: 311).csvString == "$3.11")
        #expect("\(Money(cents: 2344))" == "23.44")
        #expect(try [Money(cents: 1223), Money(cents: 1121)].sum() == Money(cents: 2344))
        #expect(try (-Money(cents: 600)).adding(Money(cents: 100)) == Money(cents: -500))
    }

    @Test func arithmeticReportsOverflowInsteadOfTrapping() throws {
        let huge = Money(cents: Int.max)
        #expect(throws: MoneyOverflow()) { try huge.adding(Money(cents: 1)) }
        #expect(throws: MoneyOverflow()) { try [huge, huge].sum() }
        #expect(throws: MoneyOverflow()) { try huge.scaled(by: 31, dividedBy: 30) }
        // The product leaves 64 bits, the quotient does not: computed exactly in 128.
        #expect(try huge.scaled(by: 672, dividedBy: 672) == huge)
        #expect(try Money(cents: 9_223_372_036_854_775_807).scaled(by: 1_000, dividedBy: 10_000) == Money(cents: 922_337_203_685_477_581))
        #expect(try Money.largest.scaled(by: 744, dividedBy: 672) == Money(cents: 110_714_285_714))
        #expect(try Money(cents: -1_005).scaled(by: 1, dividedBy: 10) == Money(cents: -101))
        #expect(Money.roundHalfUp(Int.max, dividedBy: 1) == Int.max)
        #expect(Money.roundHalfUp(Int.min, dividedBy: 2) == Int.min / 2)
        #expect(Money.roundHalfUp(Int.max, dividedBy: Int.max) == 1)
    }

    @Test func roundsHalfUpExactly() {
        #expect(Money.roundHalfUp(600 * 10, dividedBy: 672) == 9)  // 8.928…
        #expect(Money.roundHalfUp(336, dividedBy: 672) == 1)  // exactly 0.5 → up
        #expect(Money.roundHalfUp(335, dividedBy: 672) == 0)
        #expect(Money.roundHalfUp(1_005, dividedBy: 10) == 101)  // 100.5 → 101
        #expect(Money.roundHalfUp(-1_005, dividedBy: 10) == -101)  // away from zero
        #expect(Money.roundHalfUp(600 * 672, dividedBy: 672) == 600)
        #expect(Money.roundHalfUp(0, dividedBy: 7) == 0)
    }
}

/// The invoice-CSV amount grammar, as cost ingestion relies on it.
@Suite struct MoneyCSVAmountTests {
    @Test(arguments: [
        ("$3.11", 311), ("$0.16", 16), ("-$1.00", -100), ("$-1.00", -100), ("$1,234.56", 123_456),
        ("$1234.56", 123_456), ("$5", 500), ("$5.5", 550), ("12.34", 1_234), ("-0.01", -1), ("$0.00", 0),
        ("$1,234,567.89", 123_456_789), ("$007.10", 710),
    ] as [(String, Int)])
    func readsAmountsAsExactCents(text: String, cents: Int) throws {
        #expect(try Money(csvAmount: text).cents == cents)
    }

    @Test(arguments: [
        "", "$", "-", "$1.234", "$1.2.3", "$1.", "$.50", "$1,23.00", "$12,34", "$1,2345", ",123", "abc", "$ 1.00", " $1.00",
        "1e3", "$+1", "--1", "-$-1", "$1.0O", "$99999999999999999999",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(throws: MoneyParseError.self, "'\(text)'") { try Money(csvAmount: text) }
    }

    /// The issue's reproduction: `92233720368547758.07` is `Int.max` cents, which parsed and then
    /// trapped in the first sum. Amounts are bounded at `Money.largest` instead.
    @Test func amountsAboveTheBoundAreRefused() throws {
        #expect(try Money(csvAmount: "$1,000,000,000.00") == Money.largest)
        #expect(try Money(decimal: "-1000000000.00") == -Money.largest)
        for text in ["$1,000,000,000.01", "$92233720368547758.07", "$92233720368547758.08", "$92233720368547759", "-$1000000000.01"] {
            #expect(throws: MoneyParseError(text: text, reason: .tooLarge)) { try Money(csvAmount: text) }
        }
        #expect(throws: MoneyParseError(text: "92233720368547758.07", reason: .tooLarge)) { try Money(decimal: "92233720368547758.07") }
        #expect(MoneyParseError(text: "1000000000.01", reason: .tooLarge).description
            == #""1000000000.01" is not an amount of money: more than 1000000000.00, the largest amount accepted"#)
    }

    @Test func groupingIsForTheCSVFormOnly() {
        #expect(throws: MoneyParseError.self) { try Money(decimal: "1,234.56") }
    }
}
