extension ConsoleReport {
    /// `; unknown URN types: app`: kinds the projects pass kept verbatim because the URN table
    /// does not know them; nothing when every type was known.
    static func unknownURNTypes(_ summary: RunSummary) -> String {
        summary.unknownURNTypes.isEmpty ? "" : "; unknown URN types: " + summary.unknownURNTypes.joined(separator: ", ")
    }
}
