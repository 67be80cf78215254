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

    /// A history audit: a book imported without a plan live subscriptions use was stored, and
    /// every rollup of the months it priced then failed those tenants. It is refused, naming
    /// each plan and addon, over exactly the months it would price: from the first month starting
    /// on or after its date (a book of June 15 prices July on) until the next book's.
    @Test func aBookThatWouldLeaveSubscriptionsUnpricedIsRefused() throws {
        let ledger = try Ledger()
        let store = PriceBookStore(ledger: ledger)
        _ = try store.write(RevenueFixtures.standardBook(name: "jan"), source: nil)
        _ = try store.write(RevenueFixtures.standardBook(name: "sep", effectiveFrom: "2026-09-01"), source: nil)
        let acme = try RevenueFixtures.tenant(ledger, code: "acme")
        let web = try RevenueFixtures.deployment(ledger, code: "acme-web", tenantID: acme)
        let api = try RevenueFixtures.deployment(ledger, code: "acme-api", tenantID: acme)
        try RevenueFixtures.subscription(ledger, deploymentID: web, plan: "starter", addons: ["backups"], from: "2026-02-01", to: "2026-06-20")
        try RevenueFixtures.subscription(ledger, deploymentID: api, plan: "pro", from: "2026-02-01")
        var lean = RevenueFixtures.standardBook(name: "lean", effectiveFrom: "2026-06-15")
        lean.plans.removeAll { $0.code == "starter" }
        lean.addons = []
        // June 15 prices July and August: acme-web ended on June 20, billed under jan; acme-api is billed then.
        _ = try store.write(lean, source: nil)

        var leaner = lean
        (leaner.name, leaner.effectiveFrom) = ("leaner", RevenueFixtures.time("2026-06-01"))
        leaner.plans.removeAll { $0.code == "pro" }
        #expect(throws: PriceBookStoreError.leavesSubscriptionsUnpriced(book: "leaner", from: "2026-06-01",
                                                                          unpriced: ["acme-api's plan 'pro'", "acme-web's plan 'starter'",
                                                                                     "acme-web's addon 'backups'"])) {
            try store.write(leaner, source: nil)
        }
        var late = leaner
        (late.name, late.effectiveFrom) = ("late", RevenueFixtures.time("2027-01-01"))
        #expect(throws: PriceBookStoreError.self, "acme-api is billed under any book from 2027 on") { try store.write(late, source: nil) }
        #expect(try store.all().map(\.book.name) == ["jan", "lean", "sep"])
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
