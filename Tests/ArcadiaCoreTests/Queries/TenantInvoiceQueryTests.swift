import ArcadiaCore
import TestSupport
import Testing

/// Over the ledger `revenue-month-end` leaves: acme's April invoice (paid, five lines, GST) and
/// globex's (issued, one line).
@Suite(.timeLimit(.minutes(2))) struct TenantInvoiceQueryTests {
    @Test func aTenantFindsItsOwnInvoicesAndNothingOfAnothers() async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger())
        let all = try await TenantInvoiceQuery(scope: .platform).fetch(in: ledger)
        #expect(all.items.map(\.tenant) == ["acme", "globex"])
        let acmeID = try #require(all.items.first?.id)
        let acme = try await TenantInvoiceQuery(scope: .tenant(code: "acme")).fetch(in: ledger)
        #expect(acme.items.map(\.id) == [acmeID] && acme.items.map(\.totalCents) == [15_407])
        #expect(try await TenantInvoiceQuery.invoice(id: acmeID, scope: .tenant(code: "globex"), in: ledger) == nil)
        let detail = try #require(try await TenantInvoiceQuery.invoice(id: acmeID, scope: .tenant(code: "acme"), in: ledger))
        #expect(detail.lines.map(\.lineNo) == [1, 2, 3, 4, 5])
        #expect(detail.lines.map(\.deployment) == ["acme-api", "acme-api", "acme-web", "acme-web", nil])
        #expect(detail.lines.last?.lineType == "tax" && detail.lines.last?.amountCents == 1_401)
        #expect(detail.invoice.lineCount == 5 && detail.invoice.status == "paid")
    }
}
