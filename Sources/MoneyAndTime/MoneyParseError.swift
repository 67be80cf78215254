/// Why a text is not an amount of money; names the text so a CSV or API error can point at it.
public struct MoneyParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case empty
        /// A character that has no place in an amount (letters, spaces, a second `.`, `,` …).
        case notANumber
        /// More than two digits after the `.`: a sub-cent amount is refused, never rounded.
        case tooManyDecimals
        /// More than `Money.largest` either way: refused where it is read, so no amount the
        /// arithmetic meets is near `Int`'s limit.
        case tooLarge
    }

    public var text: String
    public var reason: Reason

    public init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }

    public var description: String {
        let why = switch reason {
        case .empty: "it is empty"
        case .notANumber: "expected digits with an optional '-' and at most two decimals"
        case .tooManyDecimals: "more than two decimals (amounts are whole cents)"
        case .tooLarge: "more than \(Money.largest.decimalString), the largest amount accepted"
        }
        return "\"\(text)\" is not an amount of money: \(why)"
    }
}

/// The digit-by-digit parser behind `Money`'s two text forms.
enum MoneyParser {
    static func parse(_ text: String, allowDollarSign: Bool) throws(MoneyParseError) -> Money {
        func fail(_ reason: MoneyParseError.Reason) -> MoneyParseError { MoneyParseError(text: text, reason: reason) }
        guard !text.isEmpty else { throw fail(.empty) }
        var bytes = Substring(text).utf8[...]
        var negative = false
        var sawDollar = false
        // `-$3.11` and `$-3.11` are both seen in exports; accept the sign on either side of `$`.
        for _ in 0..<2 {
            if bytes.first == UInt8(ascii: "-"), !negative {
                negative = true
                bytes = bytes.dropFirst()
            } else if allowDollarSign, bytes.first == UInt8(ascii: "$"), !sawDollar {
                sawDollar = true
                bytes = bytes.dropFirst()
            }
        }
        if allowDollarSign, bytes.contains(UInt8(ascii: ",")) {
            // CSV exports may group thousands (`$1,234.56`): every group after the first is exactly
            // three digits, so `$12,34` is refused rather than read as 1234.
            let groups = bytes.prefix { $0 != UInt8(ascii: ".") }.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw fail(.notANumber)
            }
            bytes = Substring(String(decoding: bytes.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)).utf8[...]
        }
        var units = 0
        var fractionDigits = 0
        var fraction = 0
        var integerDigits = 0
        var inFraction = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                if inFraction {
                    fractionDigits += 1
                    guard fractionDigits <= 2 else { throw fail(.tooManyDecimals) }
                    fraction = fraction * 10 + digit
                } else {
                    integerDigits += 1
                    units = units * 10 + digit
                    guard units <= Money.largest.cents / 100 else { throw fail(.tooLarge) }
                }
            case UInt8(ascii: ".") where !inFraction:
                inFraction = true
            default:
                throw fail(.notANumber)
            }
        }
        guard integerDigits > 0, !inFraction || fractionDigits > 0 else { throw fail(.notANumber) }
        if fractionDigits == 1 { fraction *= 10 }
        let cents = units * 100 + fraction
        guard cents <= Money.largest.cents else { throw fail(.tooLarge) }
        return Money(cents: negative ? -cents : cents)
    }
}
