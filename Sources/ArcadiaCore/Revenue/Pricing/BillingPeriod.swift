import DigitalOcean
import MoneyAndTime

/// A calendar month in UTC, the period tenants are billed for: `2026-04` is
/// `[2026-04-01T00:00:00Z, 2026-05-01T00:00:00Z)`.
public struct BillingPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// `YYYY-MM` exactly (`2026-04`), the form of the ledger's `period` columns.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes[0..<4].allSatisfy(isDigit), bytes[5..<7].allSatisfy(isDigit),
              let year = Int(String(text.prefix(4))), let month = Int(String(text.suffix(2)))
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month `time` falls in.
    public init(containing time: Timestamp) {
        let civil = time.civil
        year = civil.year
        month = civil.month
    }

    public var start: Timestamp { Timestamp(year: year, month: month, day: 1) }
    /// The first instant after the period: midnight on the 1st of the next month.
    public var end: Timestamp { start.startOfNextMonth }
    public var days: Int { CivilDate.daysInMonth(year: year, month: month) }
    public var previous: BillingPeriod { BillingPeriod(containing: start - 1) }

    public var description: String {
        let y = String(year), m = String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count == 1 ? "0" : "") + m
    }

    public static func < (lhs: BillingPeriod, rhs: BillingPeriod) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
