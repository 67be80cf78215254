import GRDB
import Testing
@testable import ArcadiaCore

/// Migration `v9-invoice-price-book`: an invoice written before it gets the book in effect at its
/// period's start, as the migration finds the books (what explanations showed until then).
@Suite struct InvoicePriceBookSchemaTests {
    @Test func existingInvoicesGetTheBookInEffectAtTheirPeriodsStart() throws {
        let queue = try DatabaseQueue()
        try LedgerSchema.migrator.migrate(queue, upTo: "v8-metering-deferred")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO price_books (id, name, effective_from) VALUES (3, 'standard-2026', '2026-01-01'), (4, 'summer', '2026-05-01');
                INSERT INTO tenants (code, name, country) VALUES ('acme', 'Acme', 'AU');
                INSERT INTO tenant_invoices (id, tenant_id, period, subtotal_cents, tax_cents, total_cents, status, created_at)
                VALUES (1, 1, '2026-04', 100, 10, 110, 'issued', '2026-05-01T03:00:00Z'),
                       (2, 1, '2026-05', 100, 10, 110, 'draft', '2026-06-01T03:00:00Z'),
                       (3, 1, '2025-12', 100, 10, 110, 'draft', '2026-01-01T03:00:00Z');
                """)
        }
        try LedgerSchema.migrator.migrate(queue)
        let books = try queue.read { db in try Int64?.fetchAll(db, sql: "SELECT price_book_id FROM tenant_invoices ORDER BY id") }
        #expect(books == [3, 4, nil], "April by the January book, May by May's, and no book was in effect in December 2025")
    }
}
