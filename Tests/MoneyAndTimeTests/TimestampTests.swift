import MoneyAndTime
import Testing

@Suite struct TimestampTests {
    /// The three forms are written digit by digit into fixed widths: every field zero-padded,
    /// early years included, and years past 9999 keep every digit.
    @Test func formsAreZeroPaddedAtEveryWidth() {
        let early = Timestamp(year: 5, month: 1, day: 2, hour: 3, minute: 4, second: 5)
        #expect(early.iso8601 == "0005-01-02T03:04:05Z")
        #expect(early.doCSV == "0005-01-02 03:04:05 +0000")
        #expect(early.isoDate == "0005-01-02")
        #expect(Timestamp(year: 10_000, month: 12, day: 31, hour: 23, minute: 59, second: 59).iso8601 == "10000-12-31T23:59:59Z")
        // Every form parses back to its instant (to its day for the date), across a century.
        var t = Timestamp(year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 59)
        while t < Timestamp(year: 2100, month: 1, day: 1) {
            #expect(Timestamp(iso8601: t.iso8601) == t)
            #expect(Timestamp(iso8601: t.doCSV) == t)
            #expect(Timestamp(iso8601: t.isoDate) == t.startOfDay)
            t = t + 86_400 * 37 + 3_607
        }
    }

    @Test func formatsAndParsesZulu() {
        let t = Timestamp(year: 2026, month: 4, day: 1, hour: 10, minute: 7)
        #expect(t.iso8601 == "2026-04-01T10:07:00Z")
        #expect(t.doCSV == "2026-04-01 10:07:00 +0000")
        #expect(t.isoDate == "2026-04-01")
        #expect(Timestamp(iso8601: "2026-04-01T10:07:00Z") == t)
        #expect(Timestamp(iso8601: "1970-01-01T00:00:00Z") == Timestamp(seconds: 0))
    }

    @Test func leapDays() {
        let leap = Timestamp(iso8601: "2028-02-29T12:00:00Z")
        #expect(leap?.iso8601 == "2028-02-29T12:00:00Z")
        #expect(leap.map { ($0 + 86_400).isoDate } == "2028-03-01")
        #expect(Timestamp(iso8601: "2027-02-29T00:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2000-02-29") != nil)
        #expect(Timestamp(iso8601: "2100-02-29") == nil)
    }

    @Test func rejectsImpossibleAndMalformed() {
        #expect(Timestamp(iso8601: "2026-02-30T00:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2026-13-01T00:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2026-04-31") == nil)
        #expect(Timestamp(iso8601: "2026-04-01T24:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2026-04-01T10:07:00") == nil)
        #expect(Timestamp(iso8601: "2026-04-01T10:07:00Zjunk") == nil)
        #expect(Timestamp(iso8601: "") == nil)
    }

    @Test func fractionalSecondsAndOffsets() {
        #expect(Timestamp(iso8601: "2019-09-03T16:34:46.000+00:00")?.iso8601 == "2019-09-03T16:34:46Z")
        #expect(Timestamp(iso8601: "2019-09-03T16:34:46.999Z")?.iso8601 == "2019-09-03T16:34:46Z")
        #expect(Timestamp(iso8601: "2020-07-01 00:00:00 +0000")?.iso8601 == "2020-07-01T00:00:00Z")
        #expect(Timestamp(iso8601: "2026-01-01T10:00:00+05:30")?.iso8601 == "2026-01-01T04:30:00Z")
        #expect(Timestamp(iso8601: "2026-01-01T22:00:00-05:00")?.iso8601 == "2026-01-02T03:00:00Z")
        #expect(Timestamp(iso8601: "2026-03-01T00:30:00-0100")?.iso8601 == "2026-03-01T01:30:00Z")
        #expect(Timestamp(iso8601: "2028-03-01T00:30:00+0100")?.iso8601 == "2028-02-29T23:30:00Z")
    }

    @Test func beforeEpochAndMonthBoundaries() {
        let t = Timestamp(iso8601: "1969-12-31T23:59:59Z")
        #expect(t == Timestamp(seconds: -1))
        #expect(t?.startOfDay.iso8601 == "1969-12-31T00:00:00Z")
        let dec = Timestamp(year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59)
        #expect(dec.startOfMonth.iso8601 == "2026-12-01T00:00:00Z")
        #expect(dec.startOfNextMonth.iso8601 == "2027-01-01T00:00:00Z")
    }
}
