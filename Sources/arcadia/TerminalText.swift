/// Text made safe for a terminal: every control character except newline and tab is written as a
/// Swift-style escape (`\u{1B}`), so a name in a scenario, a price book or a ledger cannot move the
/// cursor, clear the screen or retitle the window when an error or a diff shows it.
enum TerminalText {
    static func safe(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || !isControl(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return out
    }

    /// C0 controls, DEL and C1 controls (U+0080–U+009F, which some terminals obey too).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
