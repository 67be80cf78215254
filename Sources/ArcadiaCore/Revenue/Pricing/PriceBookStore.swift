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
        try ledger.writer.read { db in try Self.book(inEffectAt: instant, db) }
    }

    /// Every stored book, oldest first.
    public func all() throws -> [StoredPriceBook] {
        try ledger.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM price_books ORDER BY effective_from").map { try Self.load(id: $0, db) }
        }
    }

    public static func write(_ book: PriceBook, source: String?, _ db: Database) throws -> Int64 {
        let date = book.effectiveFrom.isoDate
        if let taken = try String.fetchOne(db, sql: "SELECT name FROM price_books WHERE effective_from = ?", arguments: [date]) {
            throw PriceBookStoreError.effectiveDateTaken(date: date, by: taken, writing: book.name)
        }
        try db.execute(sql: "INSERT INTO price_books (name, effective_from, prorate, source) VALUES (?, ?, ?, ?)",
                       arguments: [book.name, date, book.prorate, source])
        let bookID = db.lastInsertedRowID
        for tax in book.taxRates {
            try db.execute(sql: "INSERT INTO price_book_tax_rates (price_book_id, country, label, rate) VALUES (?, ?, ?, ?)",
                           arguments: [bookID, tax.country, tax.label, DecimalText.format(tax.rate)])
        }
        for plan in book.plans {
            try db.execute(sql: "INSERT INTO plans (price_book_id, code, name, base_price_cents) VALUES (?, ?, ?, ?)",
                           arguments: [bookID, plan.code, plan.name, plan.basePrice.cents])
            let planID = db.lastInsertedRowID
            for item in plan.items {
                try db.execute(sql: """
                    INSERT INTO plan_items (plan_id, billing_kind, included_quantity, overage_unit_price) VALUES (?, ?, ?, ?)
                    """, arguments: [planID, item.billingKind.rawValue, DecimalText.format(item.includedQuantity),
                                     DecimalText.format(item.overageUnitPrice)])
            }
        }
        for addon in book.addons {
            try db.execute(sql: """
                INSERT INTO addons (price_book_id, code, name, monthly_price_cents, billing_kind, included_quantity) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [bookID, addon.code, addon.name, addon.monthlyPrice.cents, addon.allowance?.billingKind.rawValue,
                                 addon.allowance.map { DecimalText.format($0.quantity) }])
        }
        return bookID
    }

    public static func book(inEffectAt instant: Timestamp, _ db: Database) throws -> StoredPriceBook? {
        guard let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM price_books WHERE effective_from <= ? ORDER BY effective_from DESC LIMIT 1
            """, arguments: [instant.isoDate]) else { return nil }
        return try load(id: id, db)
    }

    /// Rows come back in insertion order (ids), which is the book's own order. Decimals and the
    /// effective date are read by column name; one the ledger never writes fails the read.
    private static func load(id: Int64, _ db: Database) throws -> StoredPriceBook {
        let row = try Row.fetchOne(db, sql: "SELECT name, effective_from, prorate, source FROM price_books WHERE id = ?", arguments: [id])!
        let taxRates = try Row.fetchAll(db, sql: """
            SELECT country, label, rate FROM price_book_tax_rates WHERE price_book_id = ? ORDER BY rowid
            """, arguments: [id]).map { row in
                TaxRate(country: try row.decode(forColumn: "country"), label: try row.decode(forColumn: "label"),
                        rate: try row.decodeDecimalText(Column("rate")))
            }
        var plans: [Plan] = []
        for planRow in try Row.fetchAll(db, sql: "SELECT id, code, name, base_price_cents FROM plans WHERE price_book_id = ? ORDER BY id",
                                        arguments: [id]) {
            let items = try Row.fetchAll(db, sql: """
                SELECT billing_kind, included_quantity, overage_unit_price FROM plan_items WHERE plan_id = ? ORDER BY id
                """, arguments: [try planRow.decode(Int64.self, forColumn: "id")]).map { item in
                    PlanItem(billingKind: try item.decode(forColumn: "billing_kind"),
                             includedQuantity: try item.decodeDecimalText(Column("included_quantity")),
                             overageUnitPrice: try item.decodeDecimalText(Column("overage_unit_price")))
                }
            plans.append(Plan(code: try planRow.decode(forColumn: "code"), name: try planRow.decode(forColumn: "name"),
                              basePrice: try planRow.decode(forColumn: "base_price_cents"), items: items))
        }
        let addons = try Row.fetchAll(db, sql: """
            SELECT code, name, monthly_price_cents, billing_kind, included_quantity FROM addons WHERE price_book_id = ? ORDER BY id
            """, arguments: [id]).map { row in
                let kind: BillingKind? = try row.decode(forColumn: "billing_kind")
                let included = try row.decodeDecimalTextIfPresent(Column("included_quantity"))
                let allowance = kind.flatMap { kind in included.map { Addon.Allowance(billingKind: kind, quantity: $0) } }
                return Addon(code: try row.decode(forColumn: "code"), name: try row.decode(forColumn: "name"),
                             monthlyPrice: try row.decode(forColumn: "monthly_price_cents"), allowance: allowance)
            }
        let book = PriceBook(name: try row.decode(forColumn: "name"), effectiveFrom: try row.decode(forColumn: "effective_from"),
                             prorate: try row.decode(forColumn: "prorate"), taxRates: taxRates, plans: plans, addons: addons)
        return StoredPriceBook(id: id, book: book, source: try row.decode(forColumn: "source"))
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

    public var description: String {
        switch self {
        case .effectiveDateTaken(let date, let existing, let writing):
            return "cannot store price book '\(writing)': price book '\(existing)' is already effective from \(date)"
        }
    }
}
