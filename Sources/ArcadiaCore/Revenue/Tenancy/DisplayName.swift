/// Tenant, deployment and project names are printed on invoices, pages, consoles and TSV goldens,
/// and a deployment's project must be spelled as DigitalOcean spells it. So a name is refused
/// when part of it cannot be seen or would reorder what a reader sees after it (control
/// characters, bidirectional overrides), when it is only spaces, or when it is longer than DO
/// lets a project name be.
public enum DisplayName {
    /// DigitalOcean's limit on a project's name.
    public static let longest = 175

    /// Why `text` cannot be a name, or nil when it can.
    public static func problem(_ text: String) -> String? {
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) { return "must not be empty or only spaces" }
        if text.count > longest { return "is \(text.count) characters long; a name may have at most \(longest)" }
        if let hidden = text.unicodeScalars.first(where: isHidden) {
            let hex = String(hidden.value, radix: 16, uppercase: true)
            return "holds U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex), a control or direction character; "
                + "names are printed, so they hold only visible text"
        }
        return nil
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
