import ArcadiaCore
import DigitalOcean
import Foundation
import MoneyAndTime

/// Reads a price book from YAML: a file under `pricebooks/`, or a book inlined in a scenario's
/// `pricebooks:`. Errors are `ScenarioError`s, `file:line:column: field: message`, pointing into
/// the file the book was written in. `docs/revenue.md` describes the format.
public enum PriceBookParser {
    /// A book from a file; a file that does not look like a price book at all is refused without
    /// quoting it (`ScenarioParser.requireShape`).
    public static func load(path: String) throws(ScenarioError) -> PriceBook {
        let yaml = try ScenarioParser.readText(path: path)
        let root = try ScenarioParser.compose(yaml, file: path, whatItNeeds: "a price book needs at least name, effective_from and plans")
        try ScenarioParser.requireShape(root, file: path, what: "a price book", keys: ["effective_from", "plans"])
        return try YAMLNodeReader(file: path).priceBook(YAMLField(node: root, path: ""))
    }

    public static func parse(yaml: String, file: String) throws(ScenarioError) -> PriceBook {
        let root = try ScenarioParser.compose(yaml, file: file, whatItNeeds: "a price book needs at least name, effective_from and plans")
        return try YAMLNodeReader(file: file).priceBook(YAMLField(node: root, path: ""))
    }
}

extension YAMLNodeReader {
    func priceBook(_ field: YAMLField) throws(ScenarioError) -> PriceBook {
        let map = try mapping(field, allowed: ["name", "effective_from", "prorate", "prorate_allowances", "tax_rates", "plans", "addons"])
        let name = try nonEmptyString(map.required("name"))
        let effectiveFrom = try date(map.required("effective_from"))
        let prorate = try map.optional("prorate").map(bool) ?? true
        let prorateAllowances = try map.optional("prorate_allowances").map(bool) ?? true
        var taxRates: [TaxRate] = []
        for item in try map.optional("tax_rates").map(list) ?? [] {
            let rate = try taxRate(item)
            if taxRates.contains(where: { $0.country == rate.country }) {
                throw error(item, "country '\(rate.country)' already has a tax rate in this book")
            }
            taxRates.append(rate)
        }
        let plansField = try map.required("plans")
        var plans: [Plan] = []
        for item in try list(plansField) {
            let (plan, codeField) = try plan(item)
            if plans.contains(where: { $0.code == plan.code }) { throw error(codeField, "another plan is already coded '\(plan.code)'") }
            plans.append(plan)
        }
        guard !plans.isEmpty else { throw error(plansField, "must list at least one plan") }
        var addons: [Addon] = []
        for item in try map.optional("addons").map(list) ?? [] {
            let (addon, codeField) = try addon(item)
            if addons.contains(where: { $0.code == addon.code }) { throw error(codeField, "another addon is already coded '\(addon.code)'") }
            addons.append(addon)
        }
        return PriceBook(name: name, effectiveFrom: effectiveFrom, prorate: prorate, prorateAllowances: prorateAllowances,
                         taxRates: taxRates, plans: plans, addons: addons)
    }

    private func plan(_ field: YAMLField) throws(ScenarioError) -> (Plan, YAMLField) {
        let map = try mapping(field, allowed: ["code", "name", "base_price", "items"])
        let codeField = try map.required("code")
        let code = try self.code(codeField)
        var items: [PlanItem] = []
        for item in try map.optional("items").map(list) ?? [] {
            let itemMap = try mapping(item, allowed: ["billing_kind", "included", "overage"])
            let kindField = try itemMap.required("billing_kind")
            let kind = try billingKind(kindField)
            if items.contains(where: { $0.billingKind == kind }) { throw error(kindField, "plan '\(code)' already prices \(kind)") }
            items.append(PlanItem(billingKind: kind, includedQuantity: try decimal(itemMap.required("included")),
                                  overage: try overage(itemMap.required("overage"))))
        }
        let plan = Plan(code: code, name: try nonEmptyString(map.required("name")), basePrice: try price(map.required("base_price")),
                        items: items)
        return (plan, codeField)
    }

    /// `0.0125` (flat), or `{mode: graduated|volume, tiers: [{up_to: 1000, unit_price: 0.02}, {unit_price: 0.01}]}`:
    /// every tier but the last has an `up_to` above the one before; the last has none.
    private func overage(_ field: YAMLField) throws(ScenarioError) -> OveragePrice {
        guard case .mapping = field.node else { return .flat(try decimal(field)) }
        let map = try mapping(field, allowed: ["mode", "tiers"])
        let mode = try oneOf(map.required("mode"), [("graduated", "graduated"), ("volume", "volume")])
        let tiersField = try map.required("tiers")
        let items = try list(tiersField)
        guard !items.isEmpty else { throw error(tiersField, "must list at least one tier") }
        var tiers: [PriceTier] = []
        for (index, item) in items.enumerated() {
            let tierMap = try mapping(item, allowed: ["up_to", "unit_price"])
            let upToField = tierMap.optional("up_to")
            let upTo = try upToField.map(decimal)
            let isLast = index == items.count - 1
            switch (upToField, isLast) {
            case (let upToField?, true):
                throw error(upToField, "the last tier has no up_to: it prices every unit above the tier before")
            case (nil, false):
                throw error(item, "every tier but the last needs up_to")
            default:
                break
            }
            if let upTo, let upToField, upTo <= (tiers.last?.upTo ?? 0) {
                throw error(upToField, "up_to must be above \(DecimalText.format(tiers.last?.upTo ?? 0)), where the tier starts")
            }
            tiers.append(PriceTier(upTo: upTo, unitPrice: try decimal(tierMap.required("unit_price"))))
        }
        return mode == "graduated" ? .graduated(tiers) : .volume(tiers)
    }

    private func addon(_ field: YAMLField) throws(ScenarioError) -> (Addon, YAMLField) {
        let map = try mapping(field, allowed: ["code", "name", "monthly_price", "billing_kind", "included"])
        let codeField = try map.required("code")
        let code = try self.code(codeField)
        var addon = Addon(code: code, name: try nonEmptyString(map.required("name")), monthlyPrice: try price(map.required("monthly_price")))
        switch (map.optional("billing_kind"), map.optional("included")) {
        case (let kind?, let included?):
            addon.allowance = .init(billingKind: try billingKind(kind), quantity: try decimal(included))
        case (nil, nil):
            break
        case (.some, nil), (nil, .some):
            throw ScenarioError(location: map.location, field: field.path,
                                message: "an addon that adds an allowance needs both billing_kind and included; one without needs neither")
        }
        return (addon, codeField)
    }

    private func taxRate(_ field: YAMLField) throws(ScenarioError) -> TaxRate {
        let map = try mapping(field, allowed: ["country", "label", "rate"])
        let countryField = try map.required("country")
        let country = try nonEmptyString(countryField)
        guard CountryCode.isAssigned(country) else {
            throw error(countryField, "'\(country)' is not a country code; write ISO 3166 alpha-2 in capitals, e.g. AU")
        }
        return TaxRate(country: country, label: try nonEmptyString(map.required("label")), rate: try rate(map.required("rate")))
    }

    /// Plan and addon codes name lines (`Addon: storage_50gb`) and subscriptions, so they are kept
    /// to lowercase letters, digits, `_` and `-`.
    private func code(_ field: YAMLField) throws(ScenarioError) -> String {
        let code = try nonEmptyString(field)
        guard code.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }) else {
            throw error(field, "must be lowercase letters, digits, '_' and '-'; found '\(code)'")
        }
        return code
    }

    private func billingKind(_ field: YAMLField) throws(ScenarioError) -> BillingKind {
        try oneOf(field, MeteredKinds.billingKinds.map { ($0.rawValue, $0) })
    }

    /// `2026-01-01`: a day, which starts at midnight UTC (a price book's `effective_from`, a
    /// scenario's `meter_usage.day`).
    func date(_ field: YAMLField) throws(ScenarioError) -> Timestamp {
        let text = try nonEmptyString(field)
        guard text.utf8.count == 10, let day = Timestamp(iso8601: text) else {
            throw error(field, "'\(text)' is not a date; write YYYY-MM-DD, e.g. 2026-01-01")
        }
        return day
    }

    /// A monthly price in dollars with at most two decimals (`29.00`), kept as exact cents.
    private func price(_ field: YAMLField) throws(ScenarioError) -> Money {
        try dollars(field, example: "29.00")
    }

    /// A quantity or unit price: digits with an optional fraction (`744`, `0.0125`), read as
    /// written, never through a binary float.
    func decimal(_ field: YAMLField) throws(ScenarioError) -> Decimal {
        let text = try nonEmptyString(field)
        guard let value = DecimalText.parse(text) else {
            throw error(field, "'\(text)' is not a non-negative decimal; write digits with an optional fraction, e.g. 0.0125")
        }
        return value
    }

    /// `10%` or `12.5%`, at most 100 %, as a fraction (`0.1`).
    private func rate(_ field: YAMLField) throws(ScenarioError) -> Decimal {
        let text = try nonEmptyString(field)
        guard text.hasSuffix("%"), let percent = DecimalText.parse(text.dropLast()), percent <= 100 else {
            throw error(field, "'\(text)' is not a percentage between 0% and 100%, e.g. 10%")
        }
        return percent / 100
    }
}
