import ArcadiaCore
import Foundation
import GRDB
import MoneyAndTime
import Testing
import TestSupport
import Workbench
import WorkbenchTestSupport

/// An invoice records the book that priced it: a book added after the rollup (here one effective
/// April 1, written once acme's April invoice was issued) changes neither what its explanation
/// names nor what its capture prices with.
struct InvoicePriceBookTests {
    static let april = BillingPeriod("2026-04")!

    /// revenue-month-end's ledger, then a book that would be in effect for April if read now.
    func ledgerWithALaterBook() async throws -> (Ledger, original: Int64) {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger())
        let original = try #require(try PriceBookStore(ledger: ledger).book(inEffectAt: Self.april.start))
        var later = original.book
        later.name = "spring-2026"
        later.effectiveFrom = Self.april.start
        later.plans = later.plans.map { plan in
            var plan = plan
            plan.basePrice = Money(cents: plan.basePrice.cents * 2)
            return plan
        }
        _ = try PriceBookStore(ledger: ledger).write(later, source: "test")
        return (ledger, original.id)
    }

    @Test func theRollupRecordsTheBookAndExplainStillNamesItAfterALaterBook() async throws {
        let (ledger, original) = try await ledgerWithALaterBook()
        #expect(try PriceBookStore(ledger: ledger).book(inEffectAt: Self.april.start)?.book.name == "spring-2026", "the later book is in effect now")
        let (invoice, explanation) = try await ledger.writer.read { db -> (TenantInvoice?, InvoiceExplanation?) in
            let id = try InvoiceExplainer.invoiceID(tenant: "acme", period: Self.april, db)
            return (try id.flatMap { try TenantInvoice.load(id: $0, db) }, try id.flatMap { try InvoiceExplainer.explain(invoiceID: $0, scope: .platform, db) })
        }
        #expect(invoice?.priceBookID == original)
        let text = try #require(explanation).text
        #expect(text.contains("\nPrice book: standard-2026 (effective 2026-01-01)\n"), "\(text)")
        #expect(text.contains("priced by: plan pro (Pro), 99.00 a month\n"), "pro's base price as the original book has it, not the later book's 198.00")
        #expect(!text.contains("spring-2026"))
    }

    /// The goldens' rendering names the recorded book too (tenant_invoices.tsv leaves the id out:
    /// the rendering already names the book).
    @Test func theRenderingNamesTheRecordedBook() async throws {
        let (ledger, _) = try await ledgerWithALaterBook()
        let rendering = try #require(try LedgerExport.export(ledger).first { $0.name == "tenant_invoices/acme-2026-04.txt" })
        #expect(rendering.content.contains("\nPrice book: standard-2026 (effective 2026-01-01)\n"), "\(rendering.content)")
    }

    @Test func aCaptureAfterALaterBookPricesWithTheInvoicesBookAndReproducesIt() async throws {
        let (ledger, _) = try await ledgerWithALaterBook()
        let captured = try await ScenarioCapture.capture(tenant: "acme", period: Self.april, from: ledger)
        #expect(captured.scenario.priceBooks.map(\.book.name) == ["standard-2026"])
        let yaml = ScenarioWriter.yaml(captured.scenario)
        #expect(try await ScenarioCapture.verify(captured, yaml: yaml, file: "capture.yaml").isEmpty)
    }
}
