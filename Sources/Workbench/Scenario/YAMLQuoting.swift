import Yams

/// How the scenario writer spells a string so that YAML reads back exactly that text.
///
/// The parser takes a string field's scalar as written, so the only danger is YAML itself: a plain
/// scalar that it would type (`yes`, `123`, `~`, `2026-04-01`), cut short (`a: b`, `x #y`), read as
/// syntax (`*glob`, `{x}`, `- x`) or lose whitespace from. Those are double-quoted; everything
/// else is written plain, so a canonical scenario reads like a hand-written one.
enum YAMLQuoting {
    /// The string on one line, plain when that is safe in both block and flow context, else
    /// double-quoted with YAML's escapes.
    static func inline(_ text: String) -> String {
        isSafePlain(text) ? text : doubleQuoted(text)
    }

    /// Whether `text` written plain reads back as the same string in block and flow context.
    private static func isSafePlain(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "!&*|>'\"%@`#,[]{}?:".unicodeScalars.contains(first) { return false }
        if first == "-", scalars.count == 1 || scalars[1] == " " { return false }
        for (index, scalar) in scalars.enumerated() {
            guard isPrintable(scalar) else { return false }
            if ",[]{}".unicodeScalars.contains(scalar) { return false }
            if scalar == ":", scalars[index + 1] == " " { return false }
            if scalar == "#", scalars[index - 1] == " " { return false }
        }
        // Typed scalars (booleans, numbers, null, times, `<<`, `=`) would not read as strings.
        return Resolver.default.resolveTag(of: Node(text)) == .str
    }

    /// `"…"` with `\` and `"` escaped, line breaks and tabs as `\n`, `\r`, `\t`, and every other
    /// character YAML does not allow raw as `\xHH` or `\uHHHH` (all beyond U+FFFF are printable).
    private static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    out += "\\x" + hex(scalar.value, digits: 2)
                } else {
                    out += "\\u" + hex(scalar.value, digits: 4)
                }
            }
        }
        return out + "\""
    }

    /// A block scalar for a string value of a block mapping, as header and body lines (the body
    /// indented by `indent`), when one spells `text` exactly and reads better than one line:
    /// prose ending in a newline folds (`>`), as do lines too long for `width` (`>-`); text with
    /// inner line breaks is literal (`|`, `|-`). Nil when `text` is better (or only) written inline.
    static func blockScalar(_ text: String, indent: Int, width: Int) -> [String]? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.allSatisfy({ isPrintable($0) || $0 == "\n" }) else { return nil }
        let endsInNewline = scalars.last == "\n"
        let body = String(String.UnicodeScalarView(endsInNewline ? scalars.dropLast() : scalars[...]))
        guard !body.isEmpty, !body.hasSuffix("\n") else { return nil }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let firstLine = lines.first, !firstLine.isEmpty, !firstLine.hasPrefix(" "),
              lines.allSatisfy({ !$0.hasSuffix(" ") }) else { return nil }
        let margin = String(repeating: " ", count: indent)
        if lines.count > 1 {
            return [endsInNewline ? "|" : "|-"] + lines.map { $0.isEmpty ? "" : margin + $0 }
        }
        guard endsInNewline || margin.count + body.unicodeScalars.count > width else { return nil }
        return [endsInNewline ? ">" : ">-"] + folded(body, width: width - margin.count).map { margin + $0 }
    }

    /// `line` broken into lines of at most `width` where it can be: only at a single space between
    /// two other characters, which folding turns back into that space.
    private static func folded(_ line: String, width: Int) -> [String] {
        var words: [String] = []
        var word = ""
        let scalars = Array(line.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == " ", index > 0, index < scalars.count - 1, scalars[index - 1] != " ", scalars[index + 1] != " " {
                words.append(word)
                word = ""
            } else {
                word.unicodeScalars.append(scalar)
            }
        }
        words.append(word)
        var lines: [String] = []
        var current = ""
        for word in words {
            if current.isEmpty {
                current = word
            } else if current.unicodeScalars.count + 1 + word.unicodeScalars.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        return lines + [current]
    }

    /// YAML's printable set, less the characters YAML treats as line breaks (U+0085, U+2028,
    /// U+2029) and the byte-order mark, which must never appear raw inside a scalar.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
