import ArcadiaCore
import TestSupport
import Testing

@Suite(.timeLimit(.minutes(2))) struct TenantInvoiceQueryTests {
    @Test func aTenantFindsItsOwnInvoicesAndNothingOfAnothers() async throws {
        let ledger = try Ledger(path: try await ScenarioLedgers.copy(of: "project-attribution"))
        let ids = try TenantFixtures.install(in: ledger)
        let pilot = try await TenantInvoiceQuery(scope: .tenant(code: "pilot")).fetch(in: ledger)
        #expect(pilot.items.map(\.id) == [ids.pilotApril, ids.pilotMay])
        #expect(try await TenantInvoiceQuery.invoice(id: ids.pilotApril, scope: .tenant(code: "archive"), in: ledger) == nil)
        let detail = try #require(try await TenantInvoiceQuery.invoice(id: ids.pilotApril, scope: .platform, in: ledger))
        #expect(detail.lines.map(\.lineNo) == [1, 2, 3, 4, 5])
        #expect(detail.lines.last?.deployment == nil && detail.lines.last?.lineType == "tax")
        #expect(detail.invoice.lineCount == 5)
    }
}
