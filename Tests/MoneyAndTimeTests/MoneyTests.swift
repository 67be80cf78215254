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
        #expect(throws: MoneyParseError(text: "99999999999999999999", reason: .overflow)) { try Money(decimal: "99999999999999999999") }
        #expect(MoneyParseError(text: "12.345", reason: .tooManyDecimals).description
            == #""12.345" is not an amount of money: more than two decimals (amounts are whole cents)"#)
    }

    @Test func printsDOsForms() {
        #expect(Money(cents: 1234).decimalString == "12.34")
        #expect(Money(cents: 600).decimalString == "6.00")
        #expect(Money(cents: 5).decimalString == "0.05")
        #expect(Money(cents: 0).decimalString == "0.00")
        #expect(Money(cents: -1234).decimalString == "-12.34")
        #expect(Money(cents: -5).csvString == "-$0.05")
        #expect(Money(cents: 311).csvString == "$3.11")
        #expect("\(Money(cents: 2344))" == "23.44")
        #expect([Money(cents: 1223), Money(cents: 1121)].sum() == Money(cents: 2344))
        #expect(-Money(cents: 600) + Money(cents: 100) == Money(cents: -500))
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

    @Test func overflowIsRejectedNotWrapped() throws {
        #expect(try Money(csvAmount: "$92233720368547758.07").cents == Int.max)
        #expect(throws: MoneyParseError.self) { try Money(csvAmount: "$92233720368547758.08") }
        #expect(throws: MoneyParseError.self) { try Money(csvAmount: "$92233720368547759") }
    }

    @Test func groupingIsForTheCSVFormOnly() {
        #expect(throws: MoneyParseError.self) { try Money(decimal: "1,234.56") }
    }
}
