/// Text of a ledger as reports show it (the HTML page; column names in a failure's message): what
/// would be drawn as nothing, or as an ordinary space, is written as a `\u{…}` escape (as the
/// console does), so two cells that differ never look alike.
/// A carriage return (a golden with CRLF line endings), a bell, a non-breaking space, and a cell's
/// leading or trailing spaces would otherwise be invisible.
enum VisibleText {
    /// A cell: control characters, spaces other than U+0020, and spaces at either end escaped.
    static func cell(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let inner = (scalars.firstIndex { $0 != " " } ?? scalars.count)..<((scalars.lastIndex { $0 != " " } ?? -1) + 1)
        return scalars.indices.map { index in
            let scalar = scalars[index]
            return hidden(scalar) || (scalar == " " && !inner.contains(index)) ? escape(scalar) : String(scalar)
        }.joined()
    }

    /// A unified diff: the same escapes, but line feeds and the tabs between columns stay.
    static func diff(_ text: String) -> String {
        text.unicodeScalars.map { $0 != "\n" && $0 != "\t" && hidden($0) ? escape($0) : String($0) }.joined()
    }

    private static func hidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        case .spaceSeparator: scalar != " "
        default: false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String { "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" }
}
