import ArcadiaCore
import GRDB
import TestSupport
import Testing

/// Tenant scoping decided in the query, without HTTP: the project-attribution scenario's ledger
/// with `TenantFixtures` (pilot owns pilot-prod and pilot-staging, archive owns pilot-archive).
@Suite(.timeLimit(.minutes(2))) struct InventoryQueryTests {
    static func ledger() async throws -> Ledger {
        let ledger = try Ledger(path: try await ScenarioLedgers.copy(of: "project-attribution"))
        try TenantFixtures.install(in: ledger)
        return ledger
    }

    @Test func aTenantScopeReachesResourcesOnlyThroughItsDeploymentsProjects() async throws {
        let ledger = try await Self.ledger()
        let pilot = try await InventoryQuery(scope: .tenant(code: "pilot")).fetch(in: ledger)
        #expect(pilot.items.map(\.name) == ["pilot.example.com", "api-prod-1", "web-1"])
        #expect(pilot.items.map(\.deployment) == ["pilot-prod", "pilot-prod", "pilot-prod"])
        let all = try await InventoryQuery(scope: .platform).fetch(in: ledger)
        #expect(all.total == 5)
        #expect(all.items.filter { $0.tenant == nil }.map(\.name) == ["scratch"])
        #expect(try await InventoryQuery.kinds(scope: .tenant(code: "archive"), in: ledger) == [.dnsZone])
    }

    @Test func aProjectRenamedAwayFromItsDeploymentLeavesTheTenant() async throws {
        let ledger = try await Self.ledger()
        try await ledger.writer.write { try $0.execute(sql: "UPDATE cloud_projects SET name = 'pilot-prod-old' WHERE name = 'pilot-prod'") }
        #expect(try await InventoryQuery(scope: .tenant(code: "pilot")).fetch(in: ledger).items.isEmpty)
    }

    @Test func filterValuesAreBoundNeverSpliced() async throws {
        let ledger = try await Self.ledger()
        for hostile in ["' OR '1'='1", "active'; DROP TABLE cloud_resources; --"] {
            let page = try await InventoryQuery(scope: .tenant(code: hostile), status: hostile, deployment: hostile).fetch(in: ledger)
            #expect(page.items.isEmpty && page.total == 0)
        }
        #expect(try await InventoryQuery(scope: .platform).fetch(in: ledger).total == 5)
    }

    @Test func pagesClampAndSayWhereTheNextStarts() async throws {
        let ledger = try await Self.ledger()
        let first = try await InventoryQuery(scope: .platform, page: PageRequest(limit: 2)).fetch(in: ledger)
        #expect(first.items.count == 2 && first.nextOffset == 2)
        let last = try await InventoryQuery(scope: .platform, page: PageRequest(limit: 2, offset: 4)).fetch(in: ledger)
        #expect(last.items.count == 1 && last.nextOffset == nil)
        #expect(PageRequest(limit: -5, offset: -1) == PageRequest(limit: 1, offset: 0))
    }
}
