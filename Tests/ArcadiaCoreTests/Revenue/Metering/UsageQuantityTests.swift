import Foundation
import Testing
@testable import ArcadiaCore

@Suite struct UsageQuantityTests {
    @Test func canonicalTextHasNoTrailingZerosAndNoExponent() {
        #expect(UsageQuantity(millionths: 0).canonical == "0")
        #expect(UsageQuantity(millionths: 12_000_000).canonical == "12")
        #expect(UsageQuantity(millionths: 12_500_000).canonical == "12.5")
        #expect(UsageQuantity(millionths: 32_258).canonical == "0.032258")
        #expect(UsageQuantity(millionths: 1).canonical == "0.000001")
    }

    @Test func parsesPlainDecimalsAndRefusesAnythingElse() {
        #expect(UsageQuantity("3.250000")?.canonical == "3.25")
        #expect(UsageQuantity("007")?.millionths == 7_000_000)
        for bad in ["", "-1", "1e3", ".5", "5.", "0.0000001", "1,5", " 1", "+1", "1.2.3"] {
            #expect(UsageQuantity(bad) == nil, "\(bad)")
        }
    }

    @Test func theDecimalIsExact() {
        let total = (1...31).map { _ in UsageQuantity("0.032258")!.decimal }.reduce(0, +)
        #expect(total == Decimal(string: "0.999998", locale: Locale(identifier: "en_US_POSIX")))
        #expect("\(UsageQuantity("1267.25")!.decimal)" == "1267.25")
    }
}
