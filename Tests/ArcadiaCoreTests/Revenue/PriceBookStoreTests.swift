import ArcadiaCore
import CoreTestSupport
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing

struct PriceBookStoreTests {
    func t(_ text: String) -> Timestamp { RevenueFixtures.time(text) }

    @Test func aBookReadsBackAsWritten() throws {
        let ledger = try Ledger()
        let store = PriceBookStore(ledger: ledger)
        let book = RevenueFixtures.standardBook()
        let id = try store.write(book, source: "pricebooks/standard-2026.yaml")
        let stored = try #require(try store.book(inEffectAt: t("2026-04-01")))
        #expect(stored == StoredPriceBook(id: id, book: book, source: "pricebooks/standard-2026.yaml"))
        let rows = try ledger.writer.read { db in
            try String.fetchAll(db, sql: "SELECT billing_kind || '=' || included_quantity || '@' || overage_unit_price FROM plan_items ORDER BY id")
        }
        #expect(rows == ["droplet_hours=744@0.0125", "spaces_gb_month=250@0.02", "droplet_hours=2232@0.01"], "exact decimal text")
        #expect(try ledger.writer.read { try String.fetchOne($0, sql: "SELECT rate FROM price_book_tax_rates") } == "0.1")
    }

    @Test func aDecimalTheLedgerNeverWritesFailsTheReadWithoutACrash() throws {
        let ledger = try Ledger()
        let store = PriceBookStore(ledger: ledger)
        _ = try store.write(RevenueFixtures.standardBook(), source: nil)
        try ledger.writer.write { try $0.execute(sql: "UPDATE plan_items SET included_quantity = '1e3' WHERE id = 1") }
        #expect(throws: (any Error).self) { try store.book(inEffectAt: t("2026-04-01")) }
    }

    @Test func theBookInEffectAtAPeriodsStartIsTheLatestEffectiveOnOrBeforeIt() throws {
        let store = PriceBookStore(ledger: try Ledger())
        _ = try store.write(RevenueFixtures.standardBook(name: "jan", effectiveFrom: "2026-01-01"), source: nil)
        _ = try store.write(RevenueFixtures.standardBook(name: "may", effectiveFrom: "2026-05-01"), source: nil)
        _ = try store.write(RevenueFixtures.standardBook(name: "mid-june", effectiveFrom: "2026-06-15"), source: nil)
        func name(_ period: String) throws -> String? { try store.book(inEffectAt: BillingPeriod(period)!.start)?.book.name }
        #expect(try name("2025-12") == nil)
        #expect(try name("2026-01") == "jan")
        #expect(try name("2026-04") == "jan")
        #expect(try name("2026-05") == "may")
        #expect(try name("2026-06") == "may", "a book effective mid-month first prices the next month")
        #expect(try name("2026-07") == "mid-june")
        #expect(try store.all().map(\.book.name) == ["jan", "may", "mid-june"])
    }

    @Test func aSecondBookOnTheSameDateIsRefusedAndWritesNothing() throws {
        let ledger = try Ledger()
        let store = PriceBookStore(ledger: ledger)
        _ = try store.write(RevenueFixtures.standardBook(name: "first"), source: nil)
        #expect(throws: PriceBookStoreError.effectiveDateTaken(date: "2026-01-01", by: "first", writing: "second")) {
            try store.write(RevenueFixtures.standardBook(name: "second"), source: nil)
        }
        #expect(try ledger.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM plans") } == 2)
    }

    @Test func aBookThatFailsHalfwayLeavesNoRow() throws {
        let ledger = try Ledger()
        var book = RevenueFixtures.standardBook()
        book.addons.append(book.addons[0])  // UNIQUE (price_book_id, code) fails on the last insert
        #expect(throws: DatabaseError.self) { try PriceBookStore(ledger: ledger).write(book, source: nil) }
        let counts = try ledger.writer.read { db in
            try ["price_books", "plans", "plan_items", "addons", "price_book_tax_rates"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)")!
            }
        }
        #expect(counts == [0, 0, 0, 0, 0])
    }
}
