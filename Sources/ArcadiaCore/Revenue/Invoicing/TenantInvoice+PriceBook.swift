import GRDB

/// Migration `v9-invoice-price-book`: each tenant invoice keeps the book that priced it, so an
/// explanation (and a capture) of an invoice still names that book after a later one is added.
extension TenantInvoice {
    /// Invoices written before the column existed get the book in effect at their period's start
    /// as the migration finds the books: what the rollup used unless a book was added since, and
    /// what an explanation showed for them until now.
    static func migratePriceBook(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE tenant_invoices ADD COLUMN price_book_id INTEGER REFERENCES price_books(id);
            UPDATE tenant_invoices SET price_book_id = (
                SELECT b.id FROM price_books b WHERE b.effective_from <= tenant_invoices.period || '-01'
                ORDER BY b.effective_from DESC LIMIT 1);
            """)
    }
}
