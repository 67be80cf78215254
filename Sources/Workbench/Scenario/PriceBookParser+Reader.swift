import ArcadiaCore

extension PriceBookReader {
    /// The one price book parser, for a book sent to the service (`application/yaml` or JSON).
    public static let yaml = PriceBookReader { text throws(PriceBookRefusal) in
        do throws(ScenarioError) {
            return try PriceBookParser.parse(yaml: text, file: "request body")
        } catch {
            throw PriceBookRefusal(field: error.field.isEmpty ? nil : error.field, message: error.description)
        }
    }
}
