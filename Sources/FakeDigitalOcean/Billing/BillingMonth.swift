import DigitalOcean
import MoneyAndTime

/// A calendar month in UTC: the period DO invoices, `[start, end)`.
struct BillingMonth: Hashable, Comparable, Sendable {
    let year: Int
    /// 1…12.
    let month: Int

    init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month \(month) is not 1…12")
        self.year = year
        self.month = month
    }

    init(containing time: Timestamp) {
        let civil = time.civil
        self.init(year: civil.year, month: civil.month)
    }

    /// Parses DO's `invoice_period` form, `YYYY-MM`.
    init?(period: String) {
        let parts = period.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }),
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    var start: Timestamp { Timestamp(year: year, month: month, day: 1) }
    /// 00:00 on the 1st of the next month (exclusive).
    var end: Timestamp { next.start }
    var range: Range<Timestamp> { start..<end }
    var next: BillingMonth { month == 12 ? BillingMonth(year: year + 1, month: 1) : BillingMonth(year: year, month: month + 1) }

    /// Months since year 0: a dense, ordered number that seeds the month's invoice identity.
    var index: Int { year * 12 + month - 1 }

    /// `2026-04`: DO's `invoice_period` and `billing_period`.
    var period: String { String(start.isoDate.prefix(7)) }

    /// `April 2026`, as in DO's history entry `Invoice for May 2018`.
    var longName: String { "\(Self.longNames[month - 1]) \(year)" }

    /// `2026 Apr`, as in DO's CSV file name `DigitalOcean Invoice 2020 Jul (…).csv`.
    var shortName: String { "\(year) \(Self.longNames[month - 1].prefix(3))" }

    static func < (lhs: BillingMonth, rhs: BillingMonth) -> Bool { lhs.index < rhs.index }

    private static let longNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                    "October", "November", "December"]
}
