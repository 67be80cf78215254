/// DigitalOcean's written dollar amounts (`$3.11`, `-$1.00`, `$-1.00`, `$1,234.56`, and the API's bare
/// `12.34`) read as exact integer cents.
///
/// Parsed digit by digit and never through `Double` or `Decimal`: a binary float cannot hold `0.1`,
/// and a parser that rounds would hide an amount we do not understand. Anything that is not
/// exactly dollars and at most two decimals is rejected, so a malformed CSV fails loudly instead
/// of being ingested as a wrong number.
///
/// Internal to Costs on purpose: the DigitalOcean module may grow its own money type, and the
/// two are to be merged then rather than both exported now.
enum DollarAmount {
    /// Cents for `text`, or nil when it is not an amount.
    ///
    /// Grammar: an optional `-` before or after an optional `$` (one sign at most), one or more
    /// integer digits, optionally grouped by commas in threes (`1,234`; then every group must be
    /// three digits), then optionally `.` and one or two decimal digits. No spaces, no `+`, no
    /// exponent, no leading `.`.
    static func cents(_ text: some StringProtocol) -> Int64? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "-") {
            guard !negative else { return nil }
            negative = true
            bytes = bytes.dropFirst()
        }
        let integerPart = bytes.prefix { $0 != UInt8(ascii: ".") }
        let fraction = bytes.dropFirst(integerPart.count)
        guard let dollars = integer(integerPart) else { return nil }
        var cents: Int64 = 0
        if !fraction.isEmpty {
            let decimals = fraction.dropFirst()
            guard (1...2).contains(decimals.count), let value = digits(decimals) else { return nil }
            cents = decimals.count == 1 ? value * 10 : value
        }
        let (scaled, overflow) = dollars.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        let (total, overflowAdding) = scaled.addingReportingOverflow(cents)
        guard !overflowAdding else { return nil }
        return negative ? -total : total
    }

    /// `$1234.56`, `-$1.00`: how reports write cents (no thousands separators, always two decimals).
    static func text(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(cents < 0 ? "-" : "")$\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The integer part: plain digits, or `1,234,567` with every group after the first exactly
    /// three digits long.
    private static func integer(_ bytes: Substring.UTF8View.SubSequence) -> Int64? {
        let groups = bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty else { return nil }
        if groups.count > 1 {
            guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return digits(bytes.lazy.filter { $0 != UInt8(ascii: ",") })
    }

    /// The value of a non-empty run of ASCII digits, nil for anything else or on overflow.
    private static func digits(_ bytes: some Sequence<UInt8>) -> Int64? {
        var value: Int64 = 0
        var count = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdding) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflow, !overflowAdding else { return nil }
            value = sum
            count += 1
        }
        return count > 0 ? value : nil
    }
}
