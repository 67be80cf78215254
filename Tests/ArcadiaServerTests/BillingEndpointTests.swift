import ArcadiaCore
import DigitalOcean
import MoneyAndTime
import Testing

/// The billing endpoints over the billing-au-gst scenario's ledger: April billed two droplets
/// (600 + 2,400 cents) and 10% GST (300), ingested on May 1 at 02:23.
@Suite(.timeLimit(.minutes(2))) struct BillingEndpointTests {
    static let now = Timestamp(year: 2026, month: 5, day: 2)

    @Test func theBalanceIsTheLatestSnapshot() async throws {
        let harness = try await ServiceHarness.make(scenario: "billing-au-gst", at: Self.now)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let response = try await client.get("/api/v1/billing/balance", token: admin)
            #expect(response.status == .ok)
            // The last row of goldens/billing-au-gst/balance.tsv.
            #expect(try response.json == .object([
                "currency": "USD", "taken_at": "2026-05-01T23:07:00Z", "generated_at": "2026-05-01T23:07:00Z",
                "month_to_date_balance_cents": 3403, "account_balance_cents": 3300, "month_to_date_usage_cents": 103,
            ]))
        }
    }

    @Test func aLedgerWithoutSnapshotsHasNoBalance() async throws {
        // project-attribution runs one day; empty the snapshots to model a ledger from `arcadia sync`.
        let harness = try await ServiceHarness.make(scenario: "project-attribution", at: Self.now)
        try await harness.ledger.writer.write { try $0.execute(sql: "DELETE FROM cloud_balance_snapshots") }
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let response = try await client.get("/api/v1/billing/balance", token: admin)
            #expect(response.status == .notFound)
            #expect(try response.json["error"]?["message"]?.string?.contains("no balance snapshot") == true)
        }
    }

    @Test func costLinesOfAPeriodCarryTheirMatch() async throws {
        let harness = try await ServiceHarness.make(scenario: "billing-au-gst", at: Self.now)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let json = try await client.get("/api/v1/billing/cost-lines?period=2026-04-01", token: admin).json
            let lines = json.items
            #expect(lines.map { $0["description"]?.string } == ["web-1 (s-1vcpu-1gb)", "api-1 (s-2vcpu-4gb)", "GST (10%)"])
            #expect(lines.map { $0["amount_cents"]?.int } == [600, 2_400, 300])
            #expect(lines.map { $0["match_status"]?.string } == ["matched", "matched", "unmatched"])
            #expect(lines[0]["matched_resource"]?["provider_id"]?.string == "404014006")
            #expect(lines[0]["matched_resource"]?["kind"]?.string == "droplet")
            #expect(lines[2]["matched_resource"] == .null)
            #expect(lines[2]["unmatched_reason"]?.string == "tax")
            #expect(lines[2]["hours"] == .null)
            #expect(lines.allSatisfy { $0["period"]?.string == "2026-04" && $0["invoice_uuid"]?.string == "560205a1-bb87-4929-a6a5-dff8d561ab4f" })
            #expect(json["page"]?["total"]?.int == 3)
            // The month as the answers write it is taken too, for the same lines.
            #expect(try await client.get("/api/v1/billing/cost-lines?period=2026-04", token: admin).json == json)
        }
    }

    @Test func costLinesFilterByKindAndPeriodAndPage() async throws {
        let harness = try await ServiceHarness.make(scenario: "billing-au-gst", at: Self.now)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let tax = try await client.get("/api/v1/billing/cost-lines?period=2026-04-01&kind=tax", token: admin).json
            #expect(tax.items.map { $0["line_no"]?.int } == [3])
            #expect(try await client.get("/api/v1/billing/cost-lines?kind=droplet", token: admin).json["page"]?["total"]?.int == 2)
            #expect(try await client.get("/api/v1/billing/cost-lines?period=2026-05-01", token: admin).json.items.isEmpty)
            let first = try await client.get("/api/v1/billing/cost-lines?limit=1", token: admin).json
            #expect(first.items.map { $0["line_no"]?.int } == [1])
            #expect(first["page"]?["next_offset"]?.int == 1)
        }
    }

    @Test(arguments: [
        ("period=2026-13-01", "period"),
        ("period=2026-04-15", "period"),
        ("period=2026-02-30", "period"),
        ("period=2026-13", "period"),
        ("period=April", "period"),
        ("kind=%27%3B%20drop%20table%20cloud_cost_lines%3B--", "kind"),
        ("kind=droplets", "kind"),
        ("limit=-1", "limit"),
        ("limit=10%5E9", "limit"),
        ("month=2026-04", "month"),
    ])
    func badCostLineParametersAre400sNamingTheParameter(query: String, parameter: String) async throws {
        let harness = try await ServiceHarness.make(scenario: "billing-au-gst", at: Self.now)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let response = try await client.get("/api/v1/billing/cost-lines?\(query)", token: admin)
            #expect(response.status == .badRequest, "\(query)")
            #expect(try response.json["error"]?["parameter"]?.string == parameter, "\(query): \(response.text)")
        }
        #expect(try harness.ledger.rowCounts().contains { $0.table == "cloud_cost_lines" && $0.rows == 3 })
    }

    @Test func aMidMonthPeriodIsRefusedWithTheMonthsFirstDay() async throws {
        let harness = try await ServiceHarness.make(scenario: "billing-au-gst", at: Self.now)
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let response = try await client.get("/api/v1/billing/cost-lines?period=2026-04-15", token: admin)
            #expect(try response.json["error"]?["message"]?.string?.contains("2026-04-01") == true)
        }
    }
}
