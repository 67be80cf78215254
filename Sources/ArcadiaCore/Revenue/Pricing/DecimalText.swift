import Foundation

/// Quantities and unit prices as exact decimals, to and from the text the ledger stores.
///
/// A unit price can be a fraction of a cent (`0.0125` dollars per GB) and a metered quantity a
/// fraction of a unit, so neither fits integer cents; `Decimal` holds them exactly as long as they
/// are parsed from text, never from a `Double`. The text form is canonical so that equal values are
/// equal strings in the ledger and the goldens.
public enum DecimalText {
    /// Digits, optionally followed by `.` and digits: `744`, `0.0125`, `12.50`. No sign, exponent,
    /// grouping, spaces or bare point, all of which `Decimal(string:)` would accept or read partly
    /// (`"12abc"` is 12 to it). At most 30 significant digits, so that the product of a quantity and
    /// a unit price stays within `Decimal`'s 38 exact digits.
    public static func parse(_ text: some StringProtocol) -> Decimal? {
        let text = String(text)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let isDigits = { (part: Substring) in
            !part.isEmpty && part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        guard (1...2).contains(parts.count), parts.allSatisfy(isDigits) else { return nil }
        guard parts.joined().drop(while: { $0 == "0" }).count <= 30 else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The shortest exact form: no exponent, no trailing fractional zeros (`0.0125`, `744`, `0.1`).
    /// `Decimal`'s own description is that form and reads no locale.
    public static func format(_ value: Decimal) -> String {
        value.description
    }
}
