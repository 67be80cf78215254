/// Writes an XML 1.0 document as text, escaping every attribute value and text it is given, so a
/// report stays well-formed and valid whatever a failure message or diff contains.
///
/// Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF)
/// are written as visible Swift-style escapes such as `\u{07}`: a stray control character in a
/// ledger is then something a reader can see in the report, rather than a document CI rejects.
struct XMLWriter {
    private(set) var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var openElements: [String] = []
    /// True right after `open`, so closing an element that got no content writes `<name/>`.
    private var openedEmpty = false

    /// Attributes with a nil value are left out, in the order given.
    typealias Attributes = KeyValuePairs<String, String?>

    mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        document += "\(indent)<\(name)\(Self.render(attributes))>\n"
        openElements.append(name)
        openedEmpty = true
    }

    mutating func close() {
        let name = openElements.removeLast()
        if openedEmpty {
            document.removeLast(2)  // ">\n"
            document += "/>\n"
        } else {
            document += "\(indent)</\(name)>\n"
        }
        openedEmpty = false
    }

    /// An element holding only text, written on one line with nothing added inside, so the text
    /// (a diff in a failure) reads back exactly as given.
    mutating func element(_ name: String, _ attributes: Attributes = [:], text: String = "") {
        openedEmpty = false
        document += "\(indent)<\(name)\(Self.render(attributes))"
        document += text.isEmpty ? "/>\n" : ">\(Self.escape(text, inAttribute: false))</\(name)>\n"
    }

    private var indent: String { String(repeating: "  ", count: openElements.count) }

    private static func render(_ attributes: Attributes) -> String {
        attributes.reduce(into: "") { result, attribute in
            if let value = attribute.value {
                result += " \(attribute.key)=\"\(escape(value, inAttribute: true))\""
            }
        }
    }

    /// Attribute values also escape tab and LF, which a parser would otherwise turn into spaces.
    /// CR is escaped everywhere because parsers turn a literal one into LF. `>` is always escaped,
    /// so a `]]>` in the text cannot end anything.
    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            default:
                if isAllowed(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u{\(hex.count < 2 ? "0" + hex : hex)}"
                }
            }
        }
        return result
    }

    /// XML 1.0's `Char` production; Swift strings hold no surrogates, so only these gaps remain.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xFFFD, 0x10000...: true
        default: false
        }
    }
}
