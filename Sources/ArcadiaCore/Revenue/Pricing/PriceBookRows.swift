import Foundation
import GRDB
import MoneyAndTime

/// The rows a price book is stored as (`price_books`, `price_book_tax_rates`, `plans`,
/// `plan_items`, `addons`): GRDB records with named columns, written and read only by
/// `PriceBookStore`. Decimals are stored as exact text (`DecimalText`).
struct PriceBookRow: MutablePersistableRecord, FetchableRecord {
    static let databaseTableName = "price_books"
    enum Columns: String, ColumnExpression {
        case id, name, effectiveFrom = "effective_from", prorate, prorateAllowances = "prorate_allowances", source
    }

    var id: Int64?
    var name: String
    /// A day, stored `YYYY-MM-DD`.
    var effectiveFrom: Timestamp
    var prorate: Bool
    var prorateAllowances: Bool
    var source: String?

    init(id: Int64? = nil, name: String, effectiveFrom: Timestamp, prorate: Bool, prorateAllowances: Bool, source: String?) {
        (self.id, self.name, self.effectiveFrom, self.prorate, self.source) = (id, name, effectiveFrom, prorate, source)
        self.prorateAllowances = prorateAllowances
    }

    init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        name = try row.decode(forColumn: Columns.name)
        effectiveFrom = try row.decode(forColumn: Columns.effectiveFrom)
        prorate = try row.decode(forColumn: Columns.prorate)
        prorateAllowances = try row.decode(forColumn: Columns.prorateAllowances)
        source = try row.decode(forColumn: Columns.source)
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.name] = name
        container[Columns.effectiveFrom] = effectiveFrom.isoDate
        container[Columns.prorate] = prorate
        container[Columns.prorateAllowances] = prorateAllowances
        container[Columns.source] = source
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct TaxRateRow: PersistableRecord, FetchableRecord {
    static let databaseTableName = "price_book_tax_rates"
    enum Columns: String, ColumnExpression { case priceBookID = "price_book_id", country, label, rate }

    var priceBookID: Int64
    var rate: TaxRate

    init(priceBookID: Int64, rate: TaxRate) {
        self.priceBookID = priceBookID
        self.rate = rate
    }

    init(row: Row) throws {
        priceBookID = try row.decode(forColumn: Columns.priceBookID)
        rate = TaxRate(country: try row.decode(forColumn: Columns.country), label: try row.decode(forColumn: Columns.label),
                       rate: try row.decodeDecimalText(Columns.rate))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.priceBookID] = priceBookID
        container[Columns.country] = rate.country
        container[Columns.label] = rate.label
        container[Columns.rate] = DecimalText.format(rate.rate)
    }
}

struct PlanRow: MutablePersistableRecord, FetchableRecord {
    static let databaseTableName = "plans"
    enum Columns: String, ColumnExpression { case id, priceBookID = "price_book_id", code, name, basePrice = "base_price_cents" }

    var id: Int64?
    var priceBookID: Int64
    var code: String
    var name: String
    var basePrice: Money

    init(id: Int64? = nil, priceBookID: Int64, code: String, name: String, basePrice: Money) {
        (self.id, self.priceBookID, self.code, self.name, self.basePrice) = (id, priceBookID, code, name, basePrice)
    }

    init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        priceBookID = try row.decode(forColumn: Columns.priceBookID)
        code = try row.decode(forColumn: Columns.code)
        name = try row.decode(forColumn: Columns.name)
        basePrice = try row.decode(forColumn: Columns.basePrice)
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.priceBookID] = priceBookID
        container[Columns.code] = code
        container[Columns.name] = name
        container[Columns.basePrice] = basePrice
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A plan item; a tiered item's tiers are `PlanItemTierRow`s.
struct PlanItemRow: MutablePersistableRecord, FetchableRecord {
    static let databaseTableName = "plan_items"
    enum Columns: String, ColumnExpression {
        case id, planID = "plan_id", billingKind = "billing_kind", includedQuantity = "included_quantity"
        case overageMode = "overage_mode", overageUnitPrice = "overage_unit_price"
    }

    var id: Int64?
    var planID: Int64
    var billingKind: BillingKind
    var includedQuantity: Decimal
    /// `flat`, `graduated` or `volume` (`OveragePrice.mode`).
    var overageMode: String
    /// The flat price; nil for tiered items.
    var overageUnitPrice: Decimal?

    init(planID: Int64, item: PlanItem) {
        self.planID = planID
        billingKind = item.billingKind
        includedQuantity = item.includedQuantity
        overageMode = item.overage.mode
        if case .flat(let price) = item.overage { overageUnitPrice = price }
    }

    init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        planID = try row.decode(forColumn: Columns.planID)
        billingKind = try row.decode(forColumn: Columns.billingKind)
        includedQuantity = try row.decodeDecimalText(Columns.includedQuantity)
        overageMode = try row.decode(forColumn: Columns.overageMode)
        overageUnitPrice = try row.decodeDecimalTextIfPresent(Columns.overageUnitPrice)
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.planID] = planID
        container[Columns.billingKind] = billingKind
        container[Columns.includedQuantity] = DecimalText.format(includedQuantity)
        container[Columns.overageMode] = overageMode
        container[Columns.overageUnitPrice] = overageUnitPrice.map(DecimalText.format)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The item with its tiers (in position order); a mode the ledger never writes fails the read.
    func item(tiers: [PriceTier]) throws -> PlanItem {
        let overage: OveragePrice
        switch (overageMode, overageUnitPrice) {
        case ("flat", let price?): overage = .flat(price)
        case ("graduated", nil): overage = .graduated(tiers)
        case ("volume", nil): overage = .volume(tiers)
        default: throw TenantInvoiceStoreError.corrupt("plan item \(id ?? 0) has overage mode '\(overageMode)'")
        }
        return PlanItem(billingKind: billingKind, includedQuantity: includedQuantity, overage: overage)
    }
}

struct PlanItemTierRow: PersistableRecord, FetchableRecord {
    static let databaseTableName = "plan_item_tiers"
    enum Columns: String, ColumnExpression { case planItemID = "plan_item_id", position, upTo = "up_to", unitPrice = "unit_price" }

    var planItemID: Int64
    /// 1, 2, … in the book's order.
    var position: Int
    var tier: PriceTier

    init(planItemID: Int64, position: Int, tier: PriceTier) {
        (self.planItemID, self.position, self.tier) = (planItemID, position, tier)
    }

    init(row: Row) throws {
        planItemID = try row.decode(forColumn: Columns.planItemID)
        position = try row.decode(forColumn: Columns.position)
        tier = PriceTier(upTo: try row.decodeDecimalTextIfPresent(Columns.upTo), unitPrice: try row.decodeDecimalText(Columns.unitPrice))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.planItemID] = planItemID
        container[Columns.position] = position
        container[Columns.upTo] = tier.upTo.map(DecimalText.format)
        container[Columns.unitPrice] = DecimalText.format(tier.unitPrice)
    }
}

struct AddonRow: PersistableRecord, FetchableRecord {
    static let databaseTableName = "addons"
    enum Columns: String, ColumnExpression {
        case id, priceBookID = "price_book_id", code, name, monthlyPrice = "monthly_price_cents", billingKind = "billing_kind"
        case includedQuantity = "included_quantity"
    }

    var priceBookID: Int64
    var addon: Addon

    init(priceBookID: Int64, addon: Addon) {
        self.priceBookID = priceBookID
        self.addon = addon
    }

    init(row: Row) throws {
        priceBookID = try row.decode(forColumn: Columns.priceBookID)
        let kind: BillingKind? = try row.decode(forColumn: Columns.billingKind)
        let included = try row.decodeDecimalTextIfPresent(Columns.includedQuantity)
        addon = Addon(code: try row.decode(forColumn: Columns.code), name: try row.decode(forColumn: Columns.name),
                      monthlyPrice: try row.decode(forColumn: Columns.monthlyPrice),
                      allowance: kind.flatMap { kind in included.map { Addon.Allowance(billingKind: kind, quantity: $0) } })
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.priceBookID] = priceBookID
        container[Columns.code] = addon.code
        container[Columns.name] = addon.name
        container[Columns.monthlyPrice] = addon.monthlyPrice
        container[Columns.billingKind] = addon.allowance?.billingKind
        container[Columns.includedQuantity] = addon.allowance.map { DecimalText.format($0.quantity) }
    }
}
