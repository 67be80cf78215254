import ArcadiaCore
import DigitalOcean
import Foundation
import MoneyAndTime
import Testing

struct DecimalTextTests {
    @Test func parsesPlainDecimalsOnly() {
        #expect(DecimalText.parse("0.0125") == Decimal(string: "0.0125"))
        #expect(DecimalText.parse("744") == 744)
        #expect(DecimalText.parse("007.50") == Decimal(string: "7.5"))
        for bad in ["", ".", "1.", ".5", "-1", "+1", "1e3", "12abc", " 12", "12 ", "1,000", "1.2.3", "0x10", "١٢"] {
            #expect(DecimalText.parse(bad) == nil, "\(bad)")
        }
        #expect(DecimalText.parse(String(repeating: "9", count: 30)) != nil)
        #expect(DecimalText.parse(String(repeating: "9", count: 31)) == nil, "beyond 30 digits a product could lose digits")
        #expect(DecimalText.parse("0.000" + String(repeating: "1", count: 30)) != nil, "leading zeros are not significant")
    }

    @Test func formatsTheShortestExactForm() {
        #expect(DecimalText.format(DecimalText.parse("0.10")!) == "0.1")
        #expect(DecimalText.format(DecimalText.parse("744.000")!) == "744")
        #expect(DecimalText.format(DecimalText.parse("100")!) == "100")
        #expect(DecimalText.format(DecimalText.parse("0.00000001")!) == "0.00000001")
        #expect(DecimalText.format(0) == "0")
        #expect(DecimalText.format(Decimal(1) / 3) == "0.33333333333333333333333333333333333333")
    }

    @Test func dollarsRoundToCentsHalfUpAwayFromZero() {
        func cents(_ text: String) -> Int? { Money(roundingDollars: Decimal(string: text)!)?.cents }
        #expect(cents("0.025") == 3)
        #expect(cents("0.0249999") == 2)
        #expect(cents("0.005") == 1)
        #expect(cents("0.00499") == 0)
        #expect(cents("1234.565") == 123_457)
        #expect(cents("3.2") == 320)
        #expect(cents("-0.025") == -3, "half away from zero, as Money.roundHalfUp")
        #expect(cents("-0.0249") == -2)
        #expect(cents("99999999999999999999") == nil)
        // Up to the last cent `Int` holds, not a thousandth of it (tenths of a cent were read as an `Int`).
        #expect(cents("92233720368547758.07") == Int.max)
        #expect(cents("-92233720368547758.07") == -Int.max)
        #expect(cents("9223372036854775.8") == 922_337_203_685_477_580)
        #expect(cents("92233720368547758.075") == nil, "rounds up past Int.max")
        #expect(cents("92233720368547758.08") == nil)
        #expect(Money(cents: 3_220).dollars == Decimal(string: "32.2"))
    }
}
