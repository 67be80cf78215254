import Foundation
import GRDB
import MoneyAndTime

/// The rows a price book is stored as (`price_books`, `price_book_tax_rates`, `plans`,
/// `plan_items`, `addons`): GRDB records with named columns, written and read only by
/// `PriceBookStore`. Decimals are stored as exact text (`DecimalText`).
struct PriceBookRow: MutablePersistableRecord, FetchableRecord {
    static let databaseTableName = "price_books"
    enum Columns: String, ColumnExpression { case id, name, effectiveFrom = "effective_from", prorate, source }

    var id: Int64?
    var name: String
    /// A day, stored `YYYY-MM-DD`.
    var effectiveFrom: Timestamp
    var prorate: Bool
    var source: String?

    init(id: Int64? = nil, name: String, effectiveFrom: Timestamp, prorate: Bool, source: String?) {
        (self.id, self.name, self.effectiveFrom, self.prorate, self.source) = (id, name, effectiveFrom, prorate, source)
    }

    init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        name = try row.decode(forColumn: Columns.name)
        effectiveFrom = try row.decode(forColumn: Columns.effectiveFrom)
        prorate = try row.decode(forColumn: Columns.prorate)
        source = try row.decode(forColumn: Columns.source)
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.name] = name
        container[Columns.effectiveFrom] = effectiveFrom.isoDate
        container[Columns.prorate] = prorate
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

struct PlanItemRow: PersistableRecord, FetchableRecord {
    static let databaseTableName = "plan_items"
    enum Columns: String, ColumnExpression {
        case id, planID = "plan_id", billingKind = "billing_kind", includedQuantity = "included_quantity"
        case overageUnitPrice = "overage_unit_price"
    }

    var planID: Int64
    var item: PlanItem

    init(planID: Int64, item: PlanItem) {
        self.planID = planID
        self.item = item
    }

    init(row: Row) throws {
        planID = try row.decode(forColumn: Columns.planID)
        item = PlanItem(billingKind: try row.decode(forColumn: Columns.billingKind),
                        includedQuantity: try row.decodeDecimalText(Columns.includedQuantity),
                        overageUnitPrice: try row.decodeDecimalText(Columns.overageUnitPrice))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.planID] = planID
        container[Columns.billingKind] = item.billingKind
        container[Columns.includedQuantity] = DecimalText.format(item.includedQuantity)
        container[Columns.overageUnitPrice] = DecimalText.format(item.overageUnitPrice)
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
