import ArcadiaCore
import Testing
import WorkbenchTestSupport

/// `GET /api/v1/invoices/{id}/explain` over the ledger revenue-month-end leaves: acme's April
/// overage line unfolds into its four droplets, their daily records and the syncs that saw api-4
/// powered off for six hours (`goldens/revenue-month-end/usage.tsv`, `events.tsv`).
@Suite(.timeLimit(.minutes(2))) struct InvoiceExplainEndpointTests {
    @Test func aTenantExplainsItsOwnInvoiceDownToTheSyncEvents() async throws {
        let harness = try await InvoiceEndpointTests.harness()
        let admin = try await harness.adminToken
        let acme = try await harness.tenantToken("acme")
        try await harness.test { client async throws in
            let id = try await InvoiceEndpointTests.invoiceID("acme", in: client, token: admin)
            let response = try await client.get("/api/v1/invoices/\(id)/explain", token: acme)
            #expect(response.status == .ok)
            let json = try response.json
            #expect(json["invoice"]?["total"]?.string == "154.07" && json["invoice"]?["status"]?.string == "paid")
            #expect(json["price_book"]?["name"]?.string == "standard-2026" && json["price_book"]?["effective_from"]?.string == "2026-01-01")
            let lines = json["lines"]?.items ?? []
            #expect(lines.map { $0["priced_by"]?["kind"]?.string } == ["plan", "plan_item", "plan", "addon", "tax"])
            let overage = lines[1]
            #expect(overage["allowance"]?["included"]?.string == "2232" && overage["allowance"]?["prorated"] == .bool(false))
            #expect(overage["billed"]?["from"]?.string == "2026-04-01T00:00:00Z" && overage["billed"]?["days"]?.int == 30)
            let usage = overage["usage"]?.items ?? []
            #expect(usage.map { $0["billing_kind"]?.string } == ["droplet_hours"] && usage.first?["quantity"]?.string == "2874")
            let droplets = usage.first?["resources"]?.items ?? []
            #expect(droplets.map { $0["name"]?.string } == ["api-1", "api-2", "api-3", "api-4"])
            #expect(droplets.map { $0["quantity"]?.string } == ["720", "720", "720", "714"])
            let api4 = droplets[3]
            let records = api4["records"]?.items ?? []
            #expect(records.count == 30 && records[9]["period_start"]?.string == "2026-04-10T00:00:00Z" && records[9]["quantity"]?.string == "18")
            let changes = (api4["events"]?.items ?? []).filter { $0["event"]?.string == "changed" }
            #expect(changes.map { "\($0["at"]?.string ?? "") \($0["old_value"]?.string ?? "")>\($0["new_value"]?.string ?? "")" }
                    == ["2026-04-10T12:00:00Z active>off", "2026-04-10T18:00:00Z off>active"])
            let web = lines[2]["usage"]?.items ?? []
            #expect(web.map { "\($0["billing_kind"]?.string ?? "") \($0["quantity"]?.string ?? "")" } == ["droplet_hours 720", "dns_zones 1"],
                    "usage within the allowance is shown on the plan line, in the plan's item order")
            #expect(lines[4]["usage"]?.items.isEmpty == true && lines[4]["subscription"] == .null)
        }
    }

    @Test func anotherTenantsInvoiceIsNotFound() async throws {
        let harness = try await InvoiceEndpointTests.harness()
        let admin = try await harness.adminToken
        let globex = try await harness.tenantToken("globex")
        try await harness.test { client async throws in
            let acmeID = try await InvoiceEndpointTests.invoiceID("acme", in: client, token: admin)
            let theirs = try await client.get("/api/v1/invoices/\(acmeID)/explain", token: globex)
            #expect(theirs.status == .notFound)
            let missing = try await client.get("/api/v1/invoices/9999/explain", token: globex)
            #expect(theirs.text.replacingOccurrences(of: "#\(acmeID)", with: "#N") == missing.text.replacingOccurrences(of: "#9999", with: "#N"))
            #expect(try await client.get("/api/v1/invoices/\(acmeID)/explain", token: admin).status == .ok)
        }
    }

    /// `?line=N` is the CLI's `--line`: the same JSON, one line.
    @Test func oneLineIsTheCLIsLineOption() async throws {
        let harness = try await InvoiceEndpointTests.harness()
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let id = try await InvoiceEndpointTests.invoiceID("acme", in: client, token: admin)
            let one = try await client.get("/api/v1/invoices/\(id)/explain?line=2", token: admin)
            #expect(try one.status == .ok && one.json["lines"]?.items.count == 1)
            let whole = try #require(try await InvoiceExplainer.explain(invoiceID: id, scope: .platform, in: harness.ledger))
            #expect(try one.json == whole.only(line: 2)?.json, "what arcadia explain --line 2 --format json prints")
            let beyond = try await client.get("/api/v1/invoices/\(id)/explain?line=9", token: admin)
            #expect(try beyond.status == .badRequest && beyond.json["error"]?["parameter"]?.string == "line")
            #expect(try await client.get("/api/v1/invoices/\(id)/explain?line=0", token: admin).status == .badRequest)
        }
    }
}
