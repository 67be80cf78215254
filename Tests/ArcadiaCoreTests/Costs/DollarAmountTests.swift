@testable import ArcadiaCore
import Testing

@Suite struct DollarAmountTests {
    @Test(arguments: [
        ("$3.11", 311), ("$0.16", 16), ("-$1.00", -100), ("$-1.00", -100), ("$1,234.56", 123_456),
        ("$1234.56", 123_456), ("$5", 500), ("$5.5", 550), ("12.34", 1_234), ("-0.01", -1), ("$0.00", 0),
        ("$1,234,567.89", 123_456_789), ("$007.10", 710),
    ] as [(String, Int64)])
    func readsAmountsAsExactCents(text: String, cents: Int64) {
        #expect(DollarAmount.cents(text) == cents)
    }

    @Test(arguments: [
        "", "$", "-", "$1.234", "$1.2.3", "$1.", "$.50", "$1,23.00", "$12,34", "$1,2345", ",123", "abc", "$ 1.00", " $1.00",
        "1e3", "$+1", "--1", "-$-1", "$1.0O", "$99999999999999999999",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(DollarAmount.cents(text) == nil, "'\(text)'")
    }

    @Test func overflowIsRejectedNotWrapped() {
        #expect(DollarAmount.cents("$92233720368547758.07") == Int64.max)
        #expect(DollarAmount.cents("$92233720368547758.08") == nil)
        #expect(DollarAmount.cents("$92233720368547759") == nil)
    }

    @Test(arguments: [(311, "$3.11"), (-100, "-$1.00"), (5, "$0.05"), (0, "$0.00"), (123_456, "$1234.56")] as [(Int64, String)])
    func writesCentsAsDollars(cents: Int64, text: String) {
        #expect(DollarAmount.text(cents) == text)
    }
}
