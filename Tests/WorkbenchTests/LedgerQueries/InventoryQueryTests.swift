import ArcadiaCore
import GRDB
import Testing
import WorkbenchTestSupport

/// Tenant scoping decided in the query, without HTTP: the ledger `revenue-month-end` leaves (acme
/// owns acme-web and acme-api, globex owns globex-shop).
@Suite(.timeLimit(.minutes(5))) struct InventoryQueryTests {
    static func ledger() async throws -> Ledger {
        try Ledger(path: try await RevenueMonthEnd.ledger())
    }

    @Test func aTenantScopeReachesResourcesOnlyThroughItsDeploymentsProjects() async throws {
        let ledger = try await Self.ledger()
        let acme = try await InventoryQuery(scope: .tenant(code: "acme")).fetch(in: ledger)
        #expect(acme.items.map(\.resource.name) == ["acme.example", "api-1", "api-2", "api-3", "api-4", "web-1"])
        #expect(acme.items.map(\.deployment) == ["acme-web", "acme-api", "acme-api", "acme-api", "acme-api", "acme-web"])
        let all = try await InventoryQuery(scope: .platform).fetch(in: ledger)
        #expect(all.total == 7)
        #expect(all.items.filter { $0.tenant == "globex" }.map(\.resource.name) == ["shop-1"])
        #expect(try await InventoryQuery.kinds(scope: .tenant(code: "globex"), in: ledger) == [.droplet])
    }

    @Test func aProjectRenamedAwayFromItsDeploymentLeavesTheTenant() async throws {
        let ledger = try await Self.ledger()
        try await ledger.writer.write { try $0.execute(sql: "UPDATE cloud_projects SET name = 'acme-api-old' WHERE name = 'acme-api'") }
        #expect(try await InventoryQuery(scope: .tenant(code: "acme")).fetch(in: ledger).items.map(\.resource.name) == ["acme.example", "web-1"])
    }

    @Test func filterValuesAreBoundNeverSpliced() async throws {
        let ledger = try await Self.ledger()
        for hostile in ["' OR '1'='1", "active'; DROP TABLE cloud_resources; --"] {
            let page = try await InventoryQuery(scope: .tenant(code: hostile), status: hostile, deployment: hostile).fetch(in: ledger)
            #expect(page.items.isEmpty && page.total == 0)
        }
        #expect(try await InventoryQuery(scope: .platform).fetch(in: ledger).total == 7)
    }

    @Test func pagesClampAndSayWhereTheNextStarts() async throws {
        let ledger = try await Self.ledger()
        let first = try await InventoryQuery(scope: .platform, page: PageRequest(limit: 2)).fetch(in: ledger)
        #expect(first.items.count == 2 && first.nextOffset == 2)
        let last = try await InventoryQuery(scope: .platform, page: PageRequest(limit: 2, offset: 6)).fetch(in: ledger)
        #expect(last.items.count == 1 && last.nextOffset == nil)
        #expect(PageRequest(limit: -5, offset: -1) == PageRequest(limit: 1, offset: 0))
    }
}
