/// A column of DO's invoice CSV export, named by its exact header.
public enum InvoiceCSVColumn: String, CaseIterable, Sendable {
    case product
    case groupDescription = "group_description"
    case description
    case hours
    case start
    case end
    case usd = "USD"
    case projectName = "project_name"
    case category

    /// Today's export: these 9 columns in this order.
    public static let standard: [InvoiceCSVColumn] = allCases
    /// Exports from before July 2020: the same without `category`.
    public static let legacy: [InvoiceCSVColumn] = allCases.filter { $0 != .category }
    /// What every export has, whichever columns it carries besides.
    public static let required: [InvoiceCSVColumn] = [.product, .description, .start, .end, .usd]
}
