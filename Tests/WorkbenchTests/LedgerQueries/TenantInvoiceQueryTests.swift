import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import Testing
import WorkbenchTestSupport

/// Over the ledger `revenue-month-end` leaves: acme's April invoice (paid, five lines, GST) and
/// globex's (issued, one line).
@Suite(.timeLimit(.minutes(5))) struct TenantInvoiceQueryTests {
    @Test func aTenantFindsItsOwnInvoicesAndNothingOfAnothers() async throws {
        let ledger = try Ledger(path: try await RevenueMonthEnd.ledger())
        let all = try await TenantInvoiceQuery(scope: .platform).fetch(in: ledger)
        #expect(all.items.map(\.tenant) == ["acme", "globex"])
        let acmeID = try #require(all.items.first?.id)
        let acme = try await TenantInvoiceQuery(scope: .tenant(code: "acme")).fetch(in: ledger)
        #expect(acme.items.map(\.id) == [acmeID] && acme.items.map(\.total) == [Money(cents: 15_407)])
        #expect(try await TenantInvoiceQuery.invoice(id: acmeID, scope: .tenant(code: "globex"), in: ledger) == nil)
        let detail = try #require(try await TenantInvoiceQuery.invoice(id: acmeID, scope: .tenant(code: "acme"), in: ledger))
        #expect(detail.lines.map(\.lineNo) == [1, 2, 3, 4, 5])
        #expect(detail.lines.map(\.deploymentCode) == ["acme-api", "acme-api", "acme-web", "acme-web", nil])
        #expect(detail.lines.last?.kind == .tax && detail.lines.last?.amount == Money(cents: 1_401))
        #expect(detail.lines.count == 5 && detail.status == .paid)
    }
}
