import ArcadiaCore
import GRDB
import Testing
import WorkbenchTestSupport

/// A tenant invoice with its lines is read in one place, `TenantInvoice.load`: the API's query and
/// the goldens' export answer with what it reads, and fail the way it fails.
@Suite(.timeLimit(.minutes(5))) struct TenantInvoiceLoaderTests {
    @Test func theAPIQueryAnswersWithTheLoadersInvoice() async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger())
        let page = try await TenantInvoiceQuery(scope: .platform).fetch(in: ledger)
        for listed in page.items {
            let loaded = try await ledger.writer.read { try TenantInvoice.load(id: listed.id, $0) }
            #expect(listed == loaded)
            #expect(try await TenantInvoiceQuery.invoice(id: listed.id, scope: .platform, in: ledger) == loaded)
        }
        #expect(page.items.map(\.lines.count) == [5, 1])
    }

    @Test func theAPIAndTheExportFailAlikeOnALineTheLoaderCannotRead() async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger())
        try await ledger.writer.write { try $0.execute(sql: "UPDATE tenant_invoice_lines SET unit_price = '1,5' WHERE line_no = 1") }
        let refused = LedgerValueError(column: "unit_price", value: "1,5")
        await #expect(throws: refused) { try await TenantInvoiceQuery(scope: .platform).fetch(in: ledger) }
        #expect(throws: refused) { try LedgerExport.export(ledger) }
    }
}
