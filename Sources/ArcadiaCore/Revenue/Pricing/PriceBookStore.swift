import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// Price books in the ledger (`price_books`, `price_book_tax_rates`, `plans`, `plan_items`,
/// `addons`): written whole in one transaction, read back as the book in effect at an instant.
public struct PriceBookStore: Sendable {
    public let ledger: Ledger

    public init(ledger: Ledger) { self.ledger = ledger }

    /// Writes `book` and everything in it, or nothing. `source` says where it came from (a file
    /// path, `inline in <scenario>`). Returns the book's id.
    public func write(_ book: PriceBook, source: String?) throws -> Int64 {
        try ledger.writer.write { db in try Self.write(book, source: source, db) }
    }

    /// The book that prices a period starting at `instant`: the latest effective on or before it.
    public func book(inEffectAt instant: Timestamp) throws -> StoredPriceBook? {
        try ledger.read { db in try Self.book(inEffectAt: instant, db) }
    }

    /// Every stored book, oldest first.
    public func all() throws -> [StoredPriceBook] {
        try ledger.read(Self.all)
    }

    public static func all(_ db: Database) throws -> [StoredPriceBook] {
        try PriceBookRow.order(PriceBookRow.Columns.effectiveFrom).fetchAll(db).map { try load($0, db) }
    }

    public static func write(_ book: PriceBook, source: String?, _ db: Database) throws -> Int64 {
        if let taken = try PriceBookRow.filter(PriceBookRow.Columns.effectiveFrom == book.effectiveFrom.isoDate).fetchOne(db) {
            throw PriceBookStoreError.effectiveDateTaken(date: book.effectiveFrom.isoDate, by: taken.name, writing: book.name)
        }
        let unpriced = try unpriced(by: book, db)
        guard unpriced.isEmpty else {
            throw PriceBookStoreError.leavesSubscriptionsUnpriced(book: book.name, from: book.effectiveFrom.isoDate, unpriced: unpriced)
        }
        var row = PriceBookRow(name: book.name, effectiveFrom: book.effectiveFrom, prorate: book.prorate,
                               prorateAllowances: book.prorateAllowances, source: source)
        try row.insert(db)
        let bookID = row.id!
        for tax in book.taxRates { try TaxRateRow(priceBookID: bookID, rate: tax).insert(db) }
        for plan in book.plans {
            var planRow = PlanRow(priceBookID: bookID, code: plan.code, name: plan.name, basePrice: plan.basePrice)
            try planRow.insert(db)
            for item in plan.items {
                var itemRow = PlanItemRow(planID: planRow.id!, item: item)
                try itemRow.insert(db)
                for (index, tier) in item.overage.tiers.enumerated() {
                    try PlanItemTierRow(planItemID: itemRow.id!, position: index + 1, tier: tier).insert(db)
                }
            }
        }
        for addon in book.addons { try AddonRow(priceBookID: bookID, addon: addon).insert(db) }
        return bookID
    }

    /// What subscriptions use that `book` would leave unpriced (`acme-web's plan 'gold'`), over the
    /// months it would price: a month is priced by the book in effect at its start, so from the
    /// first month starting on or after its effective date until the next stored book's. Every
    /// rollup of those months would fail for them, so the book is refused now instead.
    static func unpriced(by book: PriceBook, _ db: Database) throws -> [String] {
        func firstMonth(from instant: Timestamp) -> Timestamp {
            let period = BillingPeriod(containing: instant)
            return period.start == instant ? instant : period.end
        }
        let next = try PriceBookRow.filter(PriceBookRow.Columns.effectiveFrom > book.effectiveFrom.isoDate)
            .order(PriceBookRow.Columns.effectiveFrom).fetchOne(db)
        var filter = "(s.ended_at IS NULL OR s.ended_at > ?)"
        var arguments: StatementArguments = [firstMonth(from: book.effectiveFrom)]
        if let next {
            filter += " AND s.started_at < ?"
            arguments += [firstMonth(from: next.effectiveFrom)]
        }
        var unpriced: [String] = []
        for subscription in try Subscription.fetchAll(db, where: filter, arguments: arguments) {
            if book.plan(subscription.planCode) == nil { unpriced.append("\(subscription.deploymentCode)'s plan '\(subscription.planCode)'") }
            for addon in subscription.addonCodes where book.addon(addon) == nil {
                unpriced.append("\(subscription.deploymentCode)'s addon '\(addon)'")
            }
        }
        return unpriced.uniqued()
    }

    /// The book with `id` (an invoice's `price_book_id`), or nil when there is none.
    public static func book(id: Int64, _ db: Database) throws -> StoredPriceBook? {
        try PriceBookRow.fetchOne(db, key: id).map { try load($0, db) }
    }

    /// The book that priced `invoice`: the one it records, else (a ledger migrated with no book in
    /// effect then) the one in effect at its period's start now.
    public static func book(of invoice: TenantInvoice, _ db: Database) throws -> StoredPriceBook? {
        try invoice.priceBookID.flatMap { try book(id: $0, db) } ?? book(inEffectAt: invoice.period.start, db)
    }

    public static func book(inEffectAt instant: Timestamp, _ db: Database) throws -> StoredPriceBook? {
        try PriceBookRow.filter(PriceBookRow.Columns.effectiveFrom <= instant.isoDate)
            .order(PriceBookRow.Columns.effectiveFrom.desc).fetchOne(db).map { try load($0, db) }
    }

    /// Rows come back in insertion order, which is the book's own order. A decimal or date the
    /// ledger never writes fails the read.
    private static func load(_ row: PriceBookRow, _ db: Database) throws -> StoredPriceBook {
        let id = row.id!
        let taxRates = try TaxRateRow.filter(TaxRateRow.Columns.priceBookID == id).order(Column.rowID).fetchAll(db).map(\.rate)
        let plans = try PlanRow.filter(PlanRow.Columns.priceBookID == id).order(PlanRow.Columns.id).fetchAll(db).map { plan in
            let items = try PlanItemRow.filter(PlanItemRow.Columns.planID == plan.id!).order(PlanItemRow.Columns.id).fetchAll(db).map { row in
                try row.item(tiers: PlanItemTierRow.filter(PlanItemTierRow.Columns.planItemID == row.id!)
                    .order(PlanItemTierRow.Columns.position).fetchAll(db).map(\.tier))
            }
            return Plan(code: plan.code, name: plan.name, basePrice: plan.basePrice, items: items)
        }
        let addons = try AddonRow.filter(AddonRow.Columns.priceBookID == id).order(AddonRow.Columns.id).fetchAll(db).map(\.addon)
        let book = PriceBook(name: row.name, effectiveFrom: row.effectiveFrom, prorate: row.prorate,
                             prorateAllowances: row.prorateAllowances, taxRates: taxRates, plans: plans, addons: addons)
        return StoredPriceBook(id: id, book: book, source: row.source)
    }
}

/// A book as the ledger holds it.
public struct StoredPriceBook: Sendable, Equatable {
    public var id: Int64
    public var book: PriceBook
    public var source: String?

    public init(id: Int64, book: PriceBook, source: String?) {
        self.id = id
        self.book = book
        self.source = source
    }
}

public enum PriceBookStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `effective_from` is unique: two books effective the same day would make "the book in
    /// effect" ambiguous.
    case effectiveDateTaken(date: String, by: String, writing: String)
    /// Subscriptions billed in the months the book would price use plans or addons it lacks.
    case leavesSubscriptionsUnpriced(book: String, from: String, unpriced: [String])

    public var description: String {
        switch self {
        case .effectiveDateTaken(let date, let existing, let writing):
            return "cannot store price book '\(writing)': price book '\(existing)' is already effective from \(date)"
        case .leavesSubscriptionsUnpriced(let book, let from, let unpriced):
            return "cannot store price book '\(book)' effective \(from): it does not price what subscriptions billed under it use ("
                + unpriced.joined(separator: ", ") + "), so their invoices could not be built; add those to the book, or change the "
                + "subscriptions first"
        }
    }
}
