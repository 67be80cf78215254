import DigitalOcean
import FakeDigitalOcean
import MoneyAndTime

// The DO account's billing settings (`account:`, `world.sizes`) and the billing actions: the specs,
// their YAML and their play on the fake.

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

extension YAMLNodeReader {
    func account(_ field: YAMLField) throws(ScenarioError) -> AccountSpec {
        let map = try mapping(field, allowed: ["tax", "csv_columns"])
        var account = AccountSpec()
        if let taxField = map.optional("tax") {
            let tax = try mapping(taxField, allowed: ["rate", "description"])
            account.tax = TaxSpec(basisPoints: try percent(tax.required("rate")),
                                  description: try nonEmptyString(tax.required("description")))
        }
        account.csvColumns = try map.optional("csv_columns").map(csvColumns)
        return account
    }

    /// `{slug, price_monthly, vcpus?, memory?, disk?}`; `price_monthly` in dollars with at most
    /// two decimals (`7.00`), kept as exact cents.
    func size(_ field: YAMLField) throws(ScenarioError) -> SizeSpec {
        let map = try mapping(field, allowed: ["slug", "price_monthly", "vcpus", "memory", "disk"])
        let priceField = try map.required("price_monthly")
        let price = try dollars(priceField, example: "7.00")
        guard price.cents > 0 else { throw self.error(priceField, "a size must cost something") }
        return SizeSpec(
            slug: try nonEmptyString(map.required("slug")), priceMonthlyCents: price.cents,
            vcpus: try map.optional("vcpus").map { f throws(ScenarioError) in try integer(f, atLeast: 1) },
            memoryMB: try map.optional("memory").map { f throws(ScenarioError) in try integer(f, atLeast: 512) },
            diskGB: try map.optional("disk").map { f throws(ScenarioError) in try integer(f, atLeast: 1) },
            location: map.location)
    }

    func setInvoiceCSVColumns(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        .setInvoiceCSVColumns(try csvColumns(mapping(body, allowed: ["columns"]).required("columns")))
    }

    func corruptInvoiceCSV(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        let map = try mapping(body, allowed: ["period", "how", "column"])
        let period = try self.period(map.required("period"))
        let howField = try map.required("how")
        let how: CSVCorruptionSpec
        switch try oneOf(howField, ["bad_amount", "bad_date", "missing_column", "truncated"].map { ($0, $0) }) {
        case "bad_amount": how = .badAmount
        case "bad_date": how = .badDate
        case "truncated": how = .truncated
        default:
            let columnField = try map.required("column")
            how = .missingColumn(try oneOf(columnField, InvoiceCSVColumns.standard.map { ($0, $0) }))
        }
        if case .missingColumn = how {} else if let column = map.optional("column") {
            throw error(column, "'column' only goes with how: missing_column")
        }
        return .corruptInvoiceCSV(period: period, how: how)
    }

    func reingestInvoice(_ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        .reingestInvoice(period: try period(mapping(body, allowed: ["period"]).required("period")))
    }

    /// `2026-04`: a billing month.
    private func period(_ field: YAMLField) throws(ScenarioError) -> String {
        let text = try nonEmptyString(field)
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, Int(parts[0]) != nil,
              let month = Int(parts[1]), (1...12).contains(month) else {
            throw error(field, "'\(text)' is not a billing month; write it YYYY-MM, e.g. 2026-04")
        }
        return text
    }

    /// `10%` or `12.5%`: a rate with at most two decimals, as basis points.
    private func percent(_ field: YAMLField) throws(ScenarioError) -> Int {
        let text = try nonEmptyString(field)
        guard text.hasSuffix("%") else { throw error(field, "'\(text)' is not a percentage; write it like 10%") }
        let number = text.dropLast()
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0,
              parts[0].allSatisfy(\.isASCII),
              parts.count == 1 || (parts[1].count <= 2 && parts[1].allSatisfy { $0.isASCII && $0.isNumber }) else {
            throw error(field, "'\(text)' is not a percentage with at most two decimals, e.g. 10% or 12.5%")
        }
        let fraction = parts.count == 2 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
        guard whole <= 100, whole * 100 + fraction <= 10_000 else { throw error(field, "'\(text)' is more than 100%") }
        return whole * 100 + fraction
    }

    private func csvColumns(_ field: YAMLField) throws(ScenarioError) -> [String] {
        var columns: [String] = []
        for item in try list(field) {
            let column = try oneOf(item, InvoiceCSVColumns.standard.map { ($0, $0) })
            guard !columns.contains(column) else { throw error(item, "column '\(column)' is listed twice") }
            columns.append(column)
        }
        for required in ["product", "description", "start", "end", "USD"] where !columns.contains(required) {
            throw error(field, "DO's export always has column '\(required)'; list it")
        }
        return columns
    }
}

extension WorldBuilder {
    func setSize(_ spec: SizeSpec) throws {
        try fake.setSize(try fakeSize(spec, catalogue: fake.size(spec.slug)))
    }

    func setTax(_ tax: TaxSpec) throws {
        try fake.setTaxRate(basisPoints: tax.basisPoints, description: tax.description)
    }

    func setCSVColumns(_ names: [String]) throws {
        try fake.setInvoiceCSVColumns(try csvColumns(names))
    }

    func corruptCSV(period: String, how spec: CSVCorruptionSpec) throws {
        let corruption: CSVCorruption = switch spec {
        case .badAmount: .badAmount
        case .badDate: .badDate
        case .truncated: .truncated
        case .missingColumn(let name): .missingColumn(try csvColumns([name])[0])
        }
        try fake.corruptNextCSV(period: period, how: corruption)
    }

    /// An existing size keeps what the spec leaves out; a new one must say everything.
    private func fakeSize(_ spec: SizeSpec, catalogue: FakeSize?) throws -> FakeSize {
        if var size = catalogue {
            size.priceMonthlyCents = spec.priceMonthlyCents
            size.vcpus = spec.vcpus ?? size.vcpus
            size.memoryMB = spec.memoryMB ?? size.memoryMB
            size.diskGB = spec.diskGB ?? size.diskGB
            return size
        }
        guard let vcpus = spec.vcpus, let memory = spec.memoryMB, let disk = spec.diskGB else {
            throw NewSizeIncomplete(slug: spec.slug)
        }
        return FakeSize(slug: spec.slug, vcpus: vcpus, memoryMB: memory, diskGB: disk, transferTB: 1,
                        priceMonthlyCents: spec.priceMonthlyCents, description: "Custom")
    }

    private struct NewSizeIncomplete: Error, CustomStringConvertible {
        var slug: String
        var description: String { "'\(slug)' is not in the catalogue, so it needs vcpus, memory and disk as well as price_monthly" }
    }

    private func csvColumns(_ names: [String]) throws -> [InvoiceCSVColumn] {
        try names.map { name in
            guard let column = InvoiceCSVColumn(rawValue: name) else { throw UnknownCSVColumn(name: name) }
            return column
        }
    }

    private struct UnknownCSVColumn: Error, CustomStringConvertible {
        var name: String
        var description: String { "the fake knows no CSV column '\(name)'" }
    }
}

extension ScenarioDryRun {
    /// An operator can re-ingest only an invoice DO has issued (on the 1st of the next month).
    func checkReingest(_ period: String, field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        guard let monthStart = Timestamp(iso8601: period + "-01"), when >= monthStart.startOfNextMonth else {
            throw error("\(field).period", near: near,
                        "the \(period) invoice cannot exist at \(when): DO issues a month's invoice on the 1st of the next month")
        }
    }
}
