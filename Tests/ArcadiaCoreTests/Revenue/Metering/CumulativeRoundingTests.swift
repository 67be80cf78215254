import DigitalOcean
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// The accrual arithmetic without a ledger: one span held over a stretch of a month, cut into
/// daily and hourly records the way the meter cuts them.
@Suite struct CumulativeRoundingTests {
    /// January and April 2026, February 2026 and the leap February of 2028.
    static let months: [(start: Timestamp, days: Int)] = [
        (Timestamp(year: 2026, month: 2, day: 1), 28),
        (Timestamp(year: 2028, month: 2, day: 1), 29),
        (Timestamp(year: 2026, month: 4, day: 1), 30),
        (Timestamp(year: 2026, month: 1, day: 1), 31),
    ]

    static func accrual(_ measure: MeteredKinds.Measure, from start: Timestamp, to end: Timestamp, monthStart: Timestamp,
                        status: String = "active", size: String? = nil) throws -> MonthlyAccrual {
        try MonthlyAccrual(measure: measure, spans: [ObservedTimeline.Span(start: start, end: end, status: status, size: size, project: "p")],
                           monthStart: monthStart)
    }

    /// Records for consecutive periods of `seconds` over `[from, to)`.
    static func records(_ accrual: MonthlyAccrual, from: Timestamp, to: Timestamp, every seconds: Int64) -> [UsageQuantity] {
        stride(from: from.seconds, to: to.seconds, by: Int(seconds)).map {
            accrual.quantity(from: Timestamp(seconds: $0), to: Timestamp(seconds: $0 + seconds))
        }
    }

    @Test(arguments: months)
    func aZoneHeldAllMonthSumsToExactlyOneWhateverTheMonthsLength(_ month: (start: Timestamp, days: Int)) throws {
        let end = month.start.startOfNextMonth
        #expect(end - month.start == Int64(month.days) * 86_400)
        let accrual = try Self.accrual(.months, from: month.start, to: end, monthStart: month.start)
        let daily = Self.records(accrual, from: month.start, to: end, every: 86_400)
        #expect(daily.count == month.days)
        #expect(daily.reduce(.zero, +) == UsageQuantity(millionths: 1_000_000))
        // Each day is 1/n rounded down or up to the millionth: the remainder is spread, never piled on one day.
        let low = 1_000_000 / Int64(month.days)
        #expect(daily.allSatisfy { $0.millionths == low || $0.millionths == low + 1 })
    }

    @Test(arguments: months)
    func hourlyRecordsSumToTheDailyOnesAndTheMonthToOne(_ month: (start: Timestamp, days: Int)) throws {
        let end = month.start.startOfNextMonth
        let accrual = try Self.accrual(.months, from: month.start, to: end, monthStart: month.start)
        let daily = Self.records(accrual, from: month.start, to: end, every: 86_400)
        let hourly = Self.records(accrual, from: month.start, to: end, every: 3_600)
        #expect(hourly.count == 24 * month.days)
        #expect(hourly.reduce(.zero, +) == UsageQuantity(millionths: 1_000_000))
        for (day, record) in daily.enumerated() {
            #expect(hourly[(day * 24)..<(day * 24 + 24)].reduce(.zero, +) == record, "day \(day + 1)")
        }
    }

    @Test(arguments: months)
    func aSizedResourceHeldAllMonthSumsToExactlyItsSize(_ month: (start: Timestamp, days: Int)) throws {
        let end = month.start.startOfNextMonth
        // A size with more decimals than a record keeps is rounded once, at the month's total.
        for (size, expected) in [("25", "25"), ("2.5", "2.5"), ("0.333333333", "0.333333"), ("16384", "16384")] {
            let accrual = try Self.accrual(.gigabyteMonths, from: month.start, to: end, monthStart: month.start, size: size)
            let total = Self.records(accrual, from: month.start, to: end, every: 86_400).reduce(.zero, +)
            #expect(total == UsageQuantity(expected), "\(size) GB")
        }
    }

    @Test func aPartialMonthSumsToTheRoundedExactTotal() throws {
        let month = Timestamp(year: 2026, month: 1, day: 1)
        let accrual = try Self.accrual(.months, from: Timestamp(year: 2026, month: 1, day: 10, hour: 12),
                                       to: Timestamp(year: 2026, month: 1, day: 20, hour: 6), monthStart: month)
        let daily = Self.records(accrual, from: month, to: month.startOfNextMonth, every: 86_400)
        // 9 days 18 hours of 31 days = 234 / 744 = 0.314516129… → 0.314516.
        #expect(daily.reduce(.zero, +) == UsageQuantity("0.314516"))
        #expect(daily[8] == .zero && daily[20] == .zero, "days before and after the span accrue nothing")
    }

    @Test func activeHoursCountOnlyActiveTime() throws {
        let day = Timestamp(year: 2026, month: 4, day: 2)
        let spans = [
            ObservedTimeline.Span(start: day, end: day + 9 * 3_600 + 900, status: "active", size: nil, project: "p"),
            ObservedTimeline.Span(start: day + 9 * 3_600 + 900, end: day + 15 * 3_600 + 1_800, status: "off", size: nil, project: "p"),
            ObservedTimeline.Span(start: day + 15 * 3_600 + 1_800, end: day + 86_400, status: "active", size: nil, project: "p"),
        ]
        let accrual = try MonthlyAccrual(measure: .activeHours, spans: spans, monthStart: day.startOfMonth)
        #expect(accrual.quantity(from: day, to: day + 86_400) == UsageQuantity("17.75"))
        #expect(accrual.quantity(from: day + 9 * 3_600, to: day + 10 * 3_600) == UsageQuantity("0.25"))
        #expect(accrual.secondsHeld(from: day + 12 * 3_600, to: day + 13 * 3_600) == 3_600, "off still counts as held: the record says 0")
    }

    @Test func aSecondOfActivityIsRoundedByTheRunningTotalNotLost() throws {
        let day = Timestamp(year: 2026, month: 4, day: 2)
        // Active 10:00:01–10:00:03 and 11:00:01–11:00:03: 4 s = 0.00111… h. Each hourly record
        // rounds the running total (0.000556, then 0.000555), so they add up to R(4 / 3600).
        let spans = [
            ObservedTimeline.Span(start: day + 36_001, end: day + 36_003, status: "active", size: nil, project: "p"),
            ObservedTimeline.Span(start: day + 39_601, end: day + 39_603, status: "active", size: nil, project: "p"),
        ]
        let accrual = try MonthlyAccrual(measure: .activeHours, spans: spans, monthStart: day.startOfMonth)
        let hourly = Self.records(accrual, from: day, to: day + 86_400, every: 3_600)
        #expect(hourly.reduce(.zero, +) == UsageQuantity("0.001111"))
        #expect(hourly.reduce(.zero, +) == accrual.quantity(from: day, to: day + 86_400))
    }

    @Test func aSizedSpanWithoutASizeIsRefusedNotGuessed() {
        let day = Timestamp(year: 2026, month: 4, day: 2)
        #expect(throws: AccrualError.noSize(at: day)) { try Self.accrual(.gigabyteMonths, from: day, to: day + 60, monthStart: day.startOfMonth) }
        #expect(throws: AccrualError.badSize("1e3")) {
            try Self.accrual(.gigabyteMonths, from: day, to: day + 60, monthStart: day.startOfMonth, size: "1e3")
        }
    }

    @Test func roundingIsMoneysHalfUpRule() {
        for numerator in [0, 1, 2, 3, 499_999, 500_000, 1_499_999, 7_777_777] {
            for denominator in [1, 2, 3, 7, 3_600, 2_678_400] {
                let cents = Money.roundHalfUp(numerator * 1_000_000, dividedBy: denominator)
                #expect(CumulativeRounding.millionths(Int128(numerator), over: Int128(denominator)) == Int64(cents),
                        "\(numerator)/\(denominator)")
            }
        }
    }
}
