/// The fake DO account's billing settings: what `account:` in a scenario says.
public struct AccountSpec: Sendable, Equatable {
    public var tax: TaxSpec?
    /// The invoice CSV's columns in order (nil: DO's standard nine).
    public var csvColumns: [String]?
    public init(tax: TaxSpec? = nil, csvColumns: [String]? = nil) {
        self.tax = tax
        self.csvColumns = csvColumns
    }
}

/// An account-level tax DO adds to every invoice, e.g. Australian GST.
public struct TaxSpec: Sendable, Equatable {
    /// Hundredths of a percent: 10% is 1000.
    public var basisPoints: Int
    /// The `Taxes` line's description, e.g. `GST (10%)`.
    public var description: String
    public init(basisPoints: Int, description: String) {
        self.basisPoints = basisPoints
        self.description = description
    }
}

/// How the next CSV export of an invoice is broken.
public enum CSVCorruptionSpec: Sendable, Equatable {
    case badAmount
    case badDate
    case missingColumn(String)
    case truncated
}

/// The invoice CSV columns DO exports, by their header names.
public enum InvoiceCSVColumns {
    public static let standard = ["product", "group_description", "description", "hours", "start", "end", "USD", "project_name", "category"]
}

/// A droplet size's price (and, for a size the catalogue lacks, its shape) in a scenario's world.
/// Fields left nil keep the catalogue's values; a new slug needs all of them.
public struct SizeSpec: Sendable, Equatable {
    public var slug: String
    public var priceMonthlyCents: Int
    public var vcpus: Int?
    public var memoryMB: Int?
    public var diskGB: Int?
    public var location: ScenarioLocation?
    public init(slug: String, priceMonthlyCents: Int, vcpus: Int? = nil, memoryMB: Int? = nil, diskGB: Int? = nil,
                location: ScenarioLocation? = nil) {
        self.slug = slug
        self.priceMonthlyCents = priceMonthlyCents
        self.vcpus = vcpus
        self.memoryMB = memoryMB
        self.diskGB = diskGB
        self.location = location
    }
}
