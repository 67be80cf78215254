/// An instant in UTC, in whole seconds since the Unix epoch.
///
/// Virtual time in the workbench and every time in the ledger is a `Timestamp`: an integer is exact,
/// orders and hashes cheaply, and formats without a `DateFormatter`, a calendar or a locale.
public struct Timestamp: Hashable, Comparable, Sendable {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let days = CivilDate.daysFromCivil(year: year, month: month, day: day)
        seconds = days * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    public static func + (lhs: Timestamp, rhs: Int64) -> Timestamp { Timestamp(seconds: lhs.seconds + rhs) }
    public static func - (lhs: Timestamp, rhs: Int64) -> Timestamp { Timestamp(seconds: lhs.seconds - rhs) }
    public static func - (lhs: Timestamp, rhs: Timestamp) -> Int64 { lhs.seconds - rhs.seconds }

    /// The calendar fields of this instant in UTC.
    public var civil: CivilDateTime {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let date = CivilDate.civilFromDays(days)
        return CivilDateTime(year: date.year, month: date.month, day: date.day,
                             hour: secondOfDay / 3_600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }

    /// Midnight UTC of this instant's day.
    public var startOfDay: Timestamp {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return Timestamp(seconds: days * 86_400)
    }

    /// 00:00 UTC on the 1st of this instant's month.
    public var startOfMonth: Timestamp {
        let c = civil
        return Timestamp(year: c.year, month: c.month, day: 1)
    }

    /// 00:00 UTC on the 1st of the following month.
    public var startOfNextMonth: Timestamp {
        let c = civil
        return c.month == 12 ? Timestamp(year: c.year + 1, month: 1, day: 1) : Timestamp(year: c.year, month: c.month + 1, day: 1)
    }

    /// `2026-04-01T10:07:00Z`: the one textual form used in ledgers, goldens and the DO API.
    public var iso8601: String {
        let c = civil
        return fixedWidth(c, time: UInt8(ascii: "T"), zone: "Z")
            ?? "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    /// `2026-04-01 10:07:00 +0000`: the form DigitalOcean uses in invoice CSV exports.
    public var doCSV: String {
        let c = civil
        return fixedWidth(c, time: UInt8(ascii: " "), zone: " +0000") ?? "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)) +0000"
    }

    /// `2026-04-01`.
    public var isoDate: String {
        let c = civil
        return fixedWidth(c, time: nil, zone: "") ?? "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by optional fractional seconds (truncated) and a zone
    /// (`Z`, `+HH:MM`, `+HHMM`), or a bare `YYYY-MM-DD` meaning midnight UTC. A space may stand
    /// for the `T`, and a space may precede the zone, so DO's CSV form parses too.
    /// Returns nil for anything else, including impossible dates such as `2026-02-30`.
    public init?(iso8601 text: some StringProtocol) {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.expect(UInt8(ascii: "-")),
              let month = scanner.number(digits: 2), scanner.expect(UInt8(ascii: "-")),
              let day = scanner.number(digits: 2),
              (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        if scanner.atEnd {
            self.init(year: year, month: month, day: day)
            return
        }
        guard scanner.expect(UInt8(ascii: "T")) || scanner.expect(UInt8(ascii: " ")),
              let hour = scanner.number(digits: 2), scanner.expect(UInt8(ascii: ":")),
              let minute = scanner.number(digits: 2), scanner.expect(UInt8(ascii: ":")),
              let second = scanner.number(digits: 2),
              hour < 24, minute < 60, second < 60
        else { return nil }
        if scanner.expect(UInt8(ascii: ".")) {
            guard scanner.skipDigits() > 0 else { return nil }
        }
        _ = scanner.expect(UInt8(ascii: " "))
        var offset = 0
        if scanner.expect(UInt8(ascii: "Z")) {
            offset = 0
        } else if let sign = scanner.sign() {
            guard let oh = scanner.number(digits: 2) else { return nil }
            _ = scanner.expect(UInt8(ascii: ":"))
            guard let om = scanner.number(digits: 2), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3_600 + om * 60)
        } else {
            return nil
        }
        guard scanner.atEnd else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        seconds -= Int64(offset)
    }
}

extension Timestamp: CustomStringConvertible {
    public var description: String { iso8601 }
}

extension Timestamp: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO-8601 time: \(text)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

/// Calendar fields of a `Timestamp` in UTC.
public struct CivilDateTime: Hashable, Sendable {
    public var year, month, day, hour, minute, second: Int
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's `days_from_civil` algorithms).
public enum CivilDate {
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}

/// `YYYY-MM-DD`, then with a `time` separator `HH:MM:SS` and `zone`, written digit by digit into
/// one string: every timestamp a ledger row binds is formatted, and interpolating padded pieces
/// cost ~3 µs each. nil outside years 0...9999, which keep the general form.
private func fixedWidth(_ c: CivilDateTime, time separator: UInt8?, zone: StaticString) -> String? {
    guard (0...9_999).contains(c.year) else { return nil }
    let length = 10 + (separator == nil ? 0 : 9 + zone.utf8CodeUnitCount)
    return String(unsafeUninitializedCapacity: length) { buffer in
        var at = 0
        func digits(_ value: Int, _ width: Int) {
            var rest = value
            for index in stride(from: at + width - 1, through: at, by: -1) {
                buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            at += width
        }
        func byte(_ value: UInt8) {
            buffer[at] = value
            at += 1
        }
        digits(c.year, 4); byte(UInt8(ascii: "-")); digits(c.month, 2); byte(UInt8(ascii: "-")); digits(c.day, 2)
        if let separator {
            byte(separator); digits(c.hour, 2); byte(UInt8(ascii: ":")); digits(c.minute, 2); byte(UInt8(ascii: ":")); digits(c.second, 2)
            zone.withUTF8Buffer { for unit in $0 { byte(unit) } }
        }
        return at
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += digits
        return value
    }

    mutating func expect(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int? {
        if expect(UInt8(ascii: "+")) { return 1 }
        if expect(UInt8(ascii: "-")) { return -1 }
        return nil
    }

    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }
}
