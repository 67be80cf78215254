import ArcadiaCore
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing
import WorkbenchTestSupport

/// `GET /api/v1/jobs` (the scheduler's runs) and `GET /api/v1/invoices/upcoming` over loopback.
@Suite(.timeLimit(.minutes(2))) struct JobsAndUpcomingEndpointTests {
    static let midApril = Timestamp(year: 2026, month: 4, day: 20, hour: 12)

    @Test func anAdminReadsTheRunsInTheOrderTheyWereMade() async throws {
        let harness = try await ServiceHarness.make(scenario: "drift-ignore-expiry", at: Timestamp(year: 2026, month: 4, day: 1, hour: 14))
        let at = Timestamp(year: 2026, month: 4, day: 1, hour: 12)
        try await harness.ledger.writer.write { db in
            try JobRun(job: .syncDroplets, scheduledAt: at, startedAt: at, finishedAt: at + 2, outcome: .succeeded, summary: "listed 2").insert(db)
            try JobRun(job: .costBalance, scheduledAt: at, startedAt: at + 2, finishedAt: at + 3, outcome: .failed, summary: "cost.balance: 503")
                .insert(db)
        }
        let admin = try await harness.adminToken
        let tenant = try await harness.tenantToken("acme")
        try await harness.test { client async throws in
            let all = try await client.get("/api/v1/jobs", token: admin).json
            #expect(all.items.map { $0["job"]?.string ?? "" } == ["sync.droplets", "cost.balance"])
            let failed = all.items[1]
            #expect(failed["outcome"]?.string == "failed" && failed["summary"]?.string == "cost.balance: 503")
            #expect(failed["scheduled_at"]?.string == "2026-04-01T12:00:00Z" && failed["started_at"]?.string == "2026-04-01T12:00:02Z")
            #expect(failed["finished_at"]?.string == "2026-04-01T12:00:03Z")
            let one = try await client.get("/api/v1/jobs?job=cost.balance", token: admin).json
            #expect(one.items.count == 1 && one["page"]?["total"]?.int == 1)
            let bad = try await client.get("/api/v1/jobs?job=sync.everything", token: admin)
            #expect(try bad.status == .badRequest && bad.json["error"]?["parameter"]?.string == "job")
            #expect(try await client.get("/api/v1/jobs", token: tenant).status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/jobs", method: .get).status == .unauthorized)
        }
    }

    /// The full scenario's ledger with the service's clock on April 20: the plumbing of the endpoint
    /// (the projection against a ledger stopped mid-month is `UpcomingInvoiceTests`), without
    /// playing another variant of the scenario beside the suite's other servers.
    static func midMonth() async throws -> ServiceHarness {
        try await ServiceHarness.make(scenario: RevenueMonthEnd.name, at: midApril)
    }

    @Test func theUpcomingInvoiceIsPricedToDateAndProjectedAndLabelledSo() async throws {
        let harness = try await Self.midMonth()
        let admin = try await harness.adminToken
        let before = try LedgerExport.export(harness.ledger)
        try await harness.test { client async throws in
            let json = try await client.get("/api/v1/invoices/upcoming?tenant=acme", token: admin).json
            #expect(json["period"]?.string == "2026-04" && json["as_of"]?.string == "2026-04-20T12:00:00Z")
            #expect(json["metered_through"]?.string == "2026-04-20T00:00:00Z")
            #expect(json["projection"]?["is_projection"] == .bool(true) && json["to_date"]?["is_projection"] == .bool(false))
            #expect(json["projection"]?["total_cents"]?.int == 15_407, "April as the rollup invoices it (goldens/revenue-month-end)")
            #expect(json["projection"]?["lines"]?.items.count == 5)
            #expect((json["to_date"]?["total_cents"]?.int ?? 0) < 15_407)
        }
        #expect(try LedgerExport.export(harness.ledger) == before)
    }

    @Test func aTenantSeesOnlyItsOwnUpcomingInvoice() async throws {
        let harness = try await Self.midMonth()
        let admin = try await harness.adminToken
        let globex = try await harness.tenantToken("globex")
        try await harness.test { client async throws in
            let own = try await client.get("/api/v1/invoices/upcoming", token: globex).json
            #expect(own["tenant"]?.string == "globex" && own["projection"]?["total_cents"]?.int == 1_933)
            #expect(try await client.get("/api/v1/invoices/upcoming?tenant=globex", token: globex).status == .ok)
            let other = try await client.get("/api/v1/invoices/upcoming?tenant=acme", token: globex)
            let missing = try await client.get("/api/v1/invoices/upcoming?tenant=nobody", token: admin)
            #expect(other.status == .notFound && missing.status == .notFound)
            #expect(try other.json["error"]?["message"]?.string == "no tenant 'acme'", "the same answer as a tenant that does not exist")
            let unnamed = try await client.get("/api/v1/invoices/upcoming", token: admin)
            #expect(try unnamed.status == .badRequest && unnamed.json["error"]?["parameter"]?.string == "tenant")
            let badCode = try await client.get("/api/v1/invoices/upcoming?tenant=a%20b", token: admin)
            #expect(try badCode.status == .badRequest && badCode.json["error"]?["parameter"]?.string == "tenant")
        }
    }
}
