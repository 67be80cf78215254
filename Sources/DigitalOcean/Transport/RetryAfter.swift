import MoneyAndTime

/// Reads a `retry-after` header as a delay. DO sends whole seconds (`retry-after: 29`); HTTP also
/// allows an HTTP-date, which is turned into a delay against the response's own `date` header so
/// that no clock is read: without a `date` header, an HTTP-date gives no delay.
enum RetryAfter {
    /// nil when the header is absent, negative, or not understood.
    static func delay(in headers: [String: String]) -> Duration? {
        guard let raw = headers["retry-after"]?.trimmingSpaces, !raw.isEmpty else { return nil }
        if raw.allSatisfy(\.isASCIIDigit) {
            guard let seconds = Int64(raw) else { return nil }
            return .seconds(seconds)
        }
        guard let until = HTTPDate.parse(raw), let date = headers["date"].flatMap({ HTTPDate.parse($0.trimmingSpaces) }) else {
            return nil
        }
        return .seconds(max(0, until - date))
    }
}

/// RFC 9110's preferred date format, `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate), parsed by hand
/// so the result never depends on a locale or a date formatter.
enum HTTPDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func parse(_ text: some StringProtocol) -> Timestamp? {
        let words = text.split(separator: " ")
        guard words.count == 6, words[0].hasSuffix(","), words[5] == "GMT",
              let day = Int(words[1]), let monthIndex = months.firstIndex(of: String(words[2])), let year = Int(words[3])
        else { return nil }
        let clock = words[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (1...CivilDate.daysInMonth(year: year, month: monthIndex + 1)).contains(day),
              (0..<24).contains(clock[0]), (0..<60).contains(clock[1]), (0..<61).contains(clock[2])
        else { return nil }
        return Timestamp(year: year, month: monthIndex + 1, day: day, hour: clock[0], minute: clock[1], second: clock[2])
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
