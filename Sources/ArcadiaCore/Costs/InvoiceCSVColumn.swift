/// The columns of DO's invoice CSV that ingestion reads, spelled as DO writes them in the header.
/// Columns are found by name, never by position: DO has added `category` at the end once already,
/// and nothing promises the order stays.
enum InvoiceCSVColumn: String, CaseIterable, Sendable {
    case product
    case groupDescription = "group_description"
    case description
    case hours
    case start
    case end
    case usd = "USD"
    case projectName = "project_name"
    case category

    /// Without these a row means nothing. `hours` is optional because tax rows leave it blank and
    /// the amount, not the hours, is what is reconciled.
    var isRequired: Bool {
        switch self {
        case .product, .description, .usd, .start, .end: true
        case .groupDescription, .hours, .projectName, .category: false
        }
    }

    /// The column a header cell names: compared without surrounding spaces and ASCII case, so
    /// `usd` or ` USD` still find the amount. Unknown names are ignored (DO may add columns).
    init?(headerCell: String) {
        let wanted = headerCell.trimmingASCIISpaces.lowercasedASCII
        guard let column = Self.allCases.first(where: { $0.rawValue.lowercasedASCII == wanted }) else { return nil }
        self = column
    }
}

extension StringProtocol {
    /// Lowercased in ASCII only: locale-free, so a Turkish `I` never changes a column name.
    var lowercasedASCII: String {
        String(decoding: utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Without leading and trailing spaces and tabs.
    var trimmingASCIISpaces: Substring {
        let text = Substring(self)
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return text[first...last]
    }
}
