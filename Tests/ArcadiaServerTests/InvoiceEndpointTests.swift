import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import Testing
import WorkbenchTestSupport

/// Tenant invoices over the ledger the shipped `revenue-month-end` scenario leaves, written by the
/// real rollup: acme's April invoice (AU, GST) is paid, globex's (US, no tax) is issued. Figures
/// are those of `goldens/revenue-month-end/tenant_invoices/`.
@Suite(.timeLimit(.minutes(2))) struct InvoiceEndpointTests {
    static let now = Timestamp(year: 2026, month: 5, day: 6)

    static func harness(endingAt end: Timestamp? = nil) async throws -> ServiceHarness {
        guard let end else { return try await ServiceHarness.make(scenario: RevenueMonthEnd.name, at: now) }
        let (variant, edit) = RevenueMonthEnd.endingAt(end)
        return try await ServiceHarness.make(scenario: RevenueMonthEnd.name, at: now, variant: variant, edit: edit)
    }

    /// The id of `tenant`'s invoice, as the admin list serves it.
    static func invoiceID(_ tenant: String, in client: LoopbackClient, token: String) async throws -> Int64 {
        let items = try await client.get("/api/v1/invoices", token: token).json.items
        return try #require(items.first { $0["tenant"]?.string == tenant }?["id"]?.int, "\(tenant) has an invoice")
    }

    @Test func anAdminListsEveryTenantsInvoicesByPeriodThenTenant() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let json = try await client.get("/api/v1/invoices", token: admin).json
            #expect(json.items.map { "\($0["period"]?.string ?? "")/\($0["tenant"]?.string ?? "")" } == ["2026-04/acme", "2026-04/globex"])
            let acme = json.items[0]
            #expect(acme["subtotal_cents"]?.int == 14_006 && acme["tax_cents"]?.int == 1_401 && acme["total_cents"]?.int == 15_407)
            #expect(acme["status"]?.string == "paid" && acme["line_count"]?.int == 5)
            #expect(acme["tenant_name"]?.string == "Acme Pty Ltd" && acme["currency"]?.string == "USD")
            #expect(acme["created_at"]?.string == "2026-05-01T03:20:00Z", "the forced re-run's draft, issued at 03:30")
            #expect(acme["issued_at"]?.string == "2026-05-01T03:30:00Z" && acme["paid_at"]?.string == "2026-05-05T10:00:00Z")
            let globex = json.items[1]
            #expect(globex["subtotal_cents"]?.int == 1_933 && globex["tax_cents"]?.int == 0 && globex["total_cents"]?.int == 1_933)
            #expect(globex["status"]?.string == "issued" && globex["paid_at"] == .null && globex["line_count"]?.int == 1)
            #expect(json["page"]?["total"]?.int == 2)
        }
    }

    @Test func aTenantListsOnlyItsOwn() async throws {
        let harness = try await Self.harness()
        let acme = try await harness.tenantToken("acme")
        let globex = try await harness.tenantToken("globex")
        let stranger = try await harness.tenantToken("initech")
        try await harness.test { client async throws in
            let mine = try await client.get("/api/v1/invoices", token: acme).json
            #expect(mine.items.map { $0["tenant"]?.string } == ["acme"])
            #expect(mine.items.first?["total_cents"]?.int == 15_407)
            let theirs = try await client.get("/api/v1/invoices", token: globex).json
            #expect(theirs.items.map { $0["total_cents"]?.int } == [1_933])
            #expect(theirs["page"]?["total"]?.int == 1)
            let none = try await client.get("/api/v1/invoices", token: stranger).json
            #expect(none.items.isEmpty && none["page"]?["total"]?.int == 0, "a tenant code with no invoices sees none")
        }
    }

    @Test func theDetailHasItsLinesInOrderWithTheTaxLineOnNoDeployment() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        let acme = try await harness.tenantToken("acme")
        try await harness.test { client async throws in
            let id = try await Self.invoiceID("acme", in: client, token: admin)
            let response = try await client.get("/api/v1/invoices/\(id)", token: acme)
            #expect(response.status == .ok)
            let invoice = try response.json
            #expect(invoice["id"]?.int == id && invoice["status"]?.string == "paid")
            let lines = invoice["lines"]?.items ?? []
            #expect(lines.map { $0["line_no"]?.int } == [1, 2, 3, 4, 5])
            #expect(lines.map { $0["line_type"]?.string } == ["plan_base", "overage", "plan_base", "addon", "tax"])
            #expect(lines.map { $0["deployment"]?.string } == ["acme-api", "acme-api", "acme-web", "acme-web", nil])
            #expect(lines.map { $0["amount_cents"]?.int } == [9_900, 706, 2_900, 500, 1_401])
            #expect(lines.map { $0["description"]?.string ?? "" }
                    == ["Plan: pro", "Overage: droplet_hours (2874 used, 2232 included)", "Plan: starter", "Addon: storage_50gb", "GST 10%"])
            let overage = lines[1]
            #expect(overage["billing_kind"]?.string == "droplet_hours")
            #expect(overage["quantity"]?.string == "642" && overage["unit_price"]?.string == "0.011", "decimals stay exact text")
            let tax = lines[4]
            #expect(tax["deployment"] == .null && tax["subscription_id"] == .null && tax["billing_kind"] == .null)
            #expect(tax["quantity"]?.string == "140.06" && tax["unit_price"]?.string == "0.1", "the tax base is the subtotal")
            #expect(lines[0]["subscription_id"] == lines[1]["subscription_id"], "acme-api's plan and overage are one subscription")
            #expect(lines[0]["subscription_id"] != lines[2]["subscription_id"])
            #expect(lines.compactMap { $0["amount_cents"]?.int }.reduce(0, +) == invoice["total_cents"]?.int)
        }
    }

    @Test func aProratedUntaxedInvoiceHasOneLine() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        let globex = try await harness.tenantToken("globex")
        try await harness.test { client async throws in
            let id = try await Self.invoiceID("globex", in: client, token: admin)
            let invoice = try await client.get("/api/v1/invoices/\(id)", token: globex).json
            #expect(invoice["status"]?.string == "issued" && invoice["tax_cents"]?.int == 0)
            let lines = invoice["lines"]?.items ?? []
            #expect(lines.map { $0["line_type"]?.string } == ["plan_base"], "no tax line for a country the book has no rate for")
            #expect(lines.first?["deployment"]?.string == "globex-shop")
            #expect(lines.first?["quantity"]?.string == "20" && lines.first?["amount_cents"]?.int == 1_933, "20 of 30 days of $29.00")
        }
    }

    @Test func anotherTenantsInvoiceIsIndistinguishableFromAMissingOne() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        let globex = try await harness.tenantToken("globex")
        try await harness.test { client async throws in
            let acmeID = try await Self.invoiceID("acme", in: client, token: admin)
            let globexID = try await Self.invoiceID("globex", in: client, token: admin)
            let theirs = try await client.get("/api/v1/invoices/\(acmeID)", token: globex)
            #expect(theirs.status == .notFound)
            let missing = try await client.get("/api/v1/invoices/9999", token: globex)
            #expect(missing.status == .notFound)
            #expect(theirs.text.replacingOccurrences(of: "#\(acmeID)", with: "#N")
                    == missing.text.replacingOccurrences(of: "#9999", with: "#N"), "same body but for the id asked")
            #expect(try await client.get("/api/v1/invoices/\(globexID)", token: globex).status == .ok)
            #expect(try await client.get("/api/v1/invoices/\(acmeID)", token: admin).status == .ok)
            let bad = try await client.get("/api/v1/invoices/latest", token: admin)
            #expect(bad.status == .badRequest)
            #expect(try bad.json["error"]?["parameter"]?.string == "id")
        }
    }

    /// Played only to 03:25 on May 1: the forced re-run's drafts exist, the 03:30 run has not issued them.
    @Test func beforeTheIssueRunBothInvoicesAreDrafts() async throws {
        let harness = try await Self.harness(endingAt: RevenueMonthEnd.draftsOnly)
        let admin = try await harness.adminToken
        let acme = try await harness.tenantToken("acme")
        try await harness.test { client async throws in
            let json = try await client.get("/api/v1/invoices", token: admin).json
            #expect(json.items.map { $0["status"]?.string } == ["draft", "draft"])
            #expect(json.items.map { $0["total_cents"]?.int } == [15_407, 1_933], "the draft already carries the final figures")
            #expect(json.items.allSatisfy { $0["created_at"]?.string == "2026-05-01T03:20:00Z" && $0["issued_at"] == .null })
            let id = try await Self.invoiceID("acme", in: client, token: admin)
            let draft = try await client.get("/api/v1/invoices/\(id)", token: acme).json
            #expect(draft["status"]?.string == "draft" && draft["lines"]?.items.count == 5)
        }
    }
}
