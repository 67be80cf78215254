import ArcadiaCore
import DigitalOcean
import TestSupport
import Testing

/// Tenant invoices over the project-attribution ledger with `TenantFixtures`' rows (no rollup
/// engine writes invoices yet): pilot has April (issued) and May (draft), archive has April (paid).
@Suite(.timeLimit(.minutes(2))) struct InvoiceEndpointTests {
    static let now = Timestamp(year: 2026, month: 6, day: 2)

    @Test func anAdminListsEveryTenantsInvoicesByPeriodThenTenant() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now, tenants: true)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let json = try await client.get("/api/v1/invoices", token: admin).json
            #expect(json.items.map { "\($0["period"]?.string ?? "")/\($0["tenant"]?.string ?? "")" }
                    == ["2026-04/archive", "2026-04/pilot", "2026-05/pilot"])
            let april = json.items[1]
            #expect(april["subtotal_cents"]?.int == 4_415 && april["tax_cents"]?.int == 442 && april["total_cents"]?.int == 4_857)
            #expect(april["status"]?.string == "issued" && april["line_count"]?.int == 5)
            #expect(april["tenant_name"]?.string == "Pilot Pty Ltd")
            #expect(json["page"]?["total"]?.int == 3)
        }
    }

    @Test func aTenantListsOnlyItsOwn() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now, tenants: true)
        let pilot = try await harness.tenantToken("pilot")
        let archive = try await harness.tenantToken("archive")
        try await harness.test { client async throws in
            #expect(try await client.get("/api/v1/invoices", token: pilot).json.items.map { $0["period"]?.string } == ["2026-04", "2026-05"])
            let theirs = try await client.get("/api/v1/invoices", token: archive).json
            #expect(theirs.items.map { $0["tenant"]?.string } == ["archive"])
            #expect(theirs["page"]?["total"]?.int == 1)
        }
    }

    @Test func theDetailHasItsLinesInOrder() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        let ids = try TenantFixtures.install(in: harness.ledger)
        let pilot = try await harness.tenantToken("pilot")
        try await harness.test { client async throws in
            let response = try await client.get("/api/v1/invoices/\(ids.pilotApril)", token: pilot)
            #expect(response.status == .ok)
            let invoice = try response.json
            #expect(invoice["id"]?.int == ids.pilotApril)
            let lines = invoice["lines"]?.items ?? []
            #expect(lines.map { $0["line_type"]?.string } == ["plan_base", "addon", "overage", "plan_base", "tax"])
            #expect(lines.map { $0["deployment"]?.string } == ["pilot-prod", "pilot-prod", "pilot-prod", "pilot-staging", nil])
            #expect(lines[2]["billing_kind"]?.string == "droplet_hours")
            #expect(lines[2]["quantity"]?.string == "12.5" && lines[2]["unit_price"]?.string == "0.012", "decimals stay exact text")
            #expect(lines.compactMap { $0["amount_cents"]?.int }.reduce(0, +) == invoice["total_cents"]?.int)
        }
    }

    @Test func anotherTenantsInvoiceIsIndistinguishableFromAMissingOne() async throws {
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        let ids = try TenantFixtures.install(in: harness.ledger)
        let archive = try await harness.tenantToken("archive")
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let theirs = try await client.get("/api/v1/invoices/\(ids.pilotApril)", token: archive)
            #expect(theirs.status == .notFound)
            let missing = try await client.get("/api/v1/invoices/9999", token: archive)
            #expect(missing.status == .notFound)
            #expect(theirs.text.replacingOccurrences(of: "#\(ids.pilotApril)", with: "#N")
                    == missing.text.replacingOccurrences(of: "#9999", with: "#N"), "same body but for the id asked")
            #expect(try await client.get("/api/v1/invoices/\(ids.archiveApril)", token: archive).status == .ok)
            #expect(try await client.get("/api/v1/invoices/\(ids.pilotApril)", token: admin).status == .ok)
            let bad = try await client.get("/api/v1/invoices/latest", token: admin)
            #expect(bad.status == .badRequest)
            #expect(try bad.json["error"]?["parameter"]?.string == "id")
        }
    }
}
