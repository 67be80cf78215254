import ArcadiaCore
import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime
import Testing
import WorkbenchTestSupport

/// The admin API over loopback, on the ledger `revenue-month-end` leaves, with the service's clock
/// at 14:00 on April 1 (acme's and globex's subscriptions are live, the standard book in effect).
/// Every write is tried with good input and with bad: a refusal is a 400 (or 404/409) naming the
/// field to blame, and leaves the ledger byte for byte as it was.
@Suite(.serialized, .timeLimit(.minutes(3))) struct AdminEndpointTests {
    static let now = Timestamp(year: 2026, month: 4, day: 1, hour: 14)

    static func harness() async throws -> ServiceHarness {
        try await ServiceHarness.make(scenario: RevenueMonthEnd.name, at: now)
    }

    /// Everything the ledger holds: the canonical export plus every table's row count (tables the
    /// export leaves out, such as ignore rules, included).
    static func snapshot(_ ledger: Ledger) throws -> [String] {
        try LedgerExport.export(ledger).map { "\($0.name)\n\($0.content)" } + ledger.rowCounts().map { "\($0.table)=\($0.rows)" }
    }

    /// Sends each bad request and checks its status, the field (or parameter) it names, and that
    /// the ledger did not move.
    static func expectRefusals(_ cases: [(uri: String, body: String, status: Int, field: String?)], client: LoopbackClient, token: String,
                               ledger: Ledger, contentType: String = "application/json") async throws {
        let before = try snapshot(ledger)
        for refusal in cases {
            let response = try await client.send(.post, refusal.uri, token: token, body: refusal.body, contentType: contentType)
            #expect(response.status.code == refusal.status, "\(refusal.uri) \(refusal.body): \(response.text)")
            let error = try response.json["error"]
            if let field = refusal.field {
                #expect(error?["field"]?.string == field, "\(refusal.uri) \(refusal.body): \(response.text)")
            }
            #expect(error?["message"]?.string?.isEmpty == false)
        }
        #expect(try snapshot(ledger) == before, "a refusal leaves the ledger as it was")
    }

    @Test func tenantsAreListedAndAdded() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let created = try await client.send(.post, "/api/v1/tenants", token: admin, body: #"{"code": "initech", "name": "Initech", "country": "NZ"}"#)
            #expect(try created.status == .created && created.json["country"]?.string == "NZ")
            let list = try await client.get("/api/v1/tenants", token: admin).json
            #expect(list.items.map { $0["code"]?.string ?? "" } == ["acme", "globex", "initech"])
            try await Self.expectRefusals([
                ("/api/v1/tenants", #"{"code": "Bad Code", "name": "X", "country": "AU"}"#, 400, "code"),
                // Longer than the 64 the queries take (`?tenant=`): a tenant made so could never be asked about.
                ("/api/v1/tenants", #"{"code": "\#(String(repeating: "a", count: 65))", "name": "X", "country": "AU"}"#, 400, "code"),
                ("/api/v1/tenants", #"{"code": "x", "name": "X", "country": "Australia"}"#, 400, "country"),
                // Two capitals are not enough: only officially assigned ISO 3166-1 codes pick a tax rate.
                ("/api/v1/tenants", #"{"code": "x", "name": "X", "country": "XX"}"#, 400, "country"),
                ("/api/v1/tenants", #"{"code": "x", "name": "X", "country": "AA"}"#, 400, "country"),
                ("/api/v1/tenants", #"{"code": "x", "country": "AU"}"#, 400, "name"),
                ("/api/v1/tenants", #"{"code": "x", "name": 7, "country": "AU"}"#, 400, "name"),
                ("/api/v1/tenants", #"{"code": "x", "name": "A\u0000B\u202Eevil", "country": "AU"}"#, 400, "name"),
                ("/api/v1/tenants", #"{"code": "x", "name": "   ", "country": "AU"}"#, 400, "name"),
                ("/api/v1/tenants", #"{"code": "x", "name": "X", "country": "AU", "colour": "red"}"#, 400, "colour"),
                // A key given twice is refused, not read as its first (or last) occurrence, spelled alike or not.
                ("/api/v1/tenants", #"{"code": "d1", "code": "d2", "name": "T", "country": "US"}"#, 400, "code"),
                ("/api/v1/tenants", #"{"code": "d1", "name": "T", "country": "US", "c\u006fde": "d2"}"#, 400, "code"),
                ("/api/v1/tenants", #"["code"]"#, 400, nil),
                ("/api/v1/tenants", #"{"code": "acme", "name": "Again", "country": "AU"}"#, 409, nil),
            ], client: client, token: admin, ledger: harness.ledger)
            let wrongType = try await client.send(.post, "/api/v1/tenants", token: admin, body: "code: x", contentType: "application/yaml")
            #expect(wrongType.status == .badRequest)
            #expect(try await client.send(.post, "/api/v1/tenants", token: try await harness.tenantToken("acme"), body: "{}").status == .forbidden)
            // A body that is an object followed by more text is not 'not a JSON object': say what it is.
            let trailing = try await client.send(.post, "/api/v1/tenants", token: admin, body: #"{"code": "x", "name": "X", "country": "AU"} x"#)
            #expect(try trailing.json["error"]?["message"]?.string?.hasPrefix("the body is not valid JSON (text after the object") == true)
            let aList = try await client.send(.post, "/api/v1/tenants", token: admin, body: #"["code"]"#)
            #expect(try aList.json["error"]?["message"]?.string == "the body must be a JSON object, not a list")
            let latin1 = try await client.send(.post, "/api/v1/tenants", token: admin, body: #"{"code": "x", "name": "X", "country": "AU"}"#,
                                               contentType: "application/json; charset=latin1")
            #expect(try latin1.status == .badRequest && latin1.json["error"]?["message"]?.string?.contains("charset latin1") == true)
            let utf8 = try await client.send(.post, "/api/v1/tenants", token: admin, body: #"{"code": "u8", "name": "U", "country": "AU"}"#,
                                             contentType: "application/json; charset=UTF-8")
            #expect(utf8.status == .created)
            // Over the limit is a 413, unread: the body is not wrong, only too long.
            let huge = #"{"code": "big", "name": ""# + String(repeating: "x", count: 1 << 20) + #"", "country": "AU"}"#
            let tooLarge = try await client.send(.post, "/api/v1/tenants", token: admin, body: huge)
            #expect(try tooLarge.status == .contentTooLarge && tooLarge.json["error"]?["code"]?.string == "content_too_large")
        }
    }

    @Test func deploymentsAreAddedAndSubscribedChangedAndEndedThroughTheTenancyEngine() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let added = try await client.send(.post, "/api/v1/deployments", token: admin,
                                              body: #"{"code": "acme-mail", "tenant": "acme", "name": "Mail", "project": "acme-mail"}"#)
            #expect(try added.status == .created && added.json["subscription"] == .null)
            let subscribed = try await client.send(.post, "/api/v1/deployments/acme-mail/subscribe", token: admin,
                                                   body: #"{"plan": "starter", "addons": ["storage_50gb"]}"#)
            #expect(subscribed.status == .created)
            let subscription = try subscribed.json["subscription"]
            #expect(subscription?["plan"]?.string == "starter" && subscription?["started_at"]?.string == "2026-04-01T14:00:00Z")
            #expect(subscription?["addons"]?.items.map { $0.string ?? "" } == ["storage_50gb"])
            try await Self.expectRefusals([
                ("/api/v1/deployments", #"{"code": "x-1", "tenant": "nobody", "name": "X", "project": "p"}"#, 400, "tenant"),
                ("/api/v1/deployments", #"{"code": "x-1", "tenant": "acme", "name": "X", "project": "acme-web"}"#, 409, nil),
                ("/api/v1/deployments", #"{"code": "x-1", "tenant": "acme", "name": "X"}"#, 400, "project"),
                ("/api/v1/deployments", #"{"code": "x-1", "tenant": "acme", "name": "X", "project": "\n"}"#, 400, "project"),
                ("/api/v1/deployments/acme-mail/subscribe", #"{"plan": "pro"}"#, 409, nil),
                ("/api/v1/deployments/nobody/subscribe", #"{"plan": "pro"}"#, 404, nil),
                ("/api/v1/deployments/acme-mail/change-subscription", #"{"plan": "platinum"}"#, 400, "plan"),
                ("/api/v1/deployments/acme-mail/change-subscription", #"{"addons": ["storage_50gb", "gold"]}"#, 400, "addons[1]"),
                ("/api/v1/deployments/acme-mail/change-subscription", #"{"addons": "storage_50gb"}"#, 400, "addons"),
                ("/api/v1/deployments/acme-mail/change-subscription", "{}", 400, "plan"),
                ("/api/v1/deployments/acme-mail/change-subscription", #"{"plan": "starter", "addons": ["storage_50gb"]}"#, 409, nil),
            ], client: client, token: admin, ledger: harness.ledger)
            let tenancy = TenancyEngine(ledger: harness.ledger, clock: .fixed(Self.now))
            #expect(try tenancy.liveSubscription(deployment: "acme-mail")?.planCode == "starter", "the engine sees what the API wrote")
            let ended = try await client.post("/api/v1/deployments/acme-web/end-subscription", token: admin)
            #expect(try ended.status == .ok && ended.json["ended"]?["ended_at"]?.string == "2026-04-01T14:00:00Z")
            #expect(try tenancy.liveSubscription(deployment: "acme-web") == nil)
            // A client may percent-encode any character of the path: acme%2Dapi is acme-api.
            let changed = try await client.send(.post, "/api/v1/deployments/acme%2Dapi/change-subscription", token: admin, body: #"{"plan": "starter"}"#)
            #expect(try changed.status == .ok && changed.json["subscription"]?["plan"]?.string == "starter")
            // Decoded once: %25 is a percent sign, so this names the code 'acme%2Dapi', which does not exist.
            let once = try await client.send(.post, "/api/v1/deployments/acme%252Dapi/change-subscription", token: admin, body: #"{"plan": "starter"}"#)
            #expect(once.status == .notFound)
            let list = try await client.get("/api/v1/deployments", token: admin).json
            #expect(list.items.map { $0["code"]?.string ?? "" } == ["acme-api", "acme-mail", "acme-web", "globex-shop"])
        }
    }

    @Test func priceBooksArriveAsYAMLOrJSONThroughTheOneParser() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        let yaml = """
            name: summer-2026
            effective_from: 2026-07-01
            tax_rates:
              - {country: AU, label: GST, rate: 10%}
            plans:
              - code: starter
                name: Starter
                base_price: 31.00
                items:
                  - {billing_kind: droplet_hours, included: 744, overage: 0.0125}
              - {code: pro, name: Pro, base_price: 99.00}
            addons:
              - {code: storage_50gb, name: Extra Spaces storage 50 GB, monthly_price: 5.00, billing_kind: spaces_gb_month, included: 50}
            """
        try await harness.test { client async throws in
            let created = try await client.send(.post, "/api/v1/price-books", token: admin, body: yaml, contentType: "application/yaml")
            #expect(created.status == .created, "\(created.text)")
            #expect(try created.json["effective_from"]?.string == "2026-07-01" && created.json["plans"]?.items.first?.string == "starter")
            let json = #"{"name": "autumn-2026", "effective_from": "2026-10-01", "plans": [{"code": "pro", "name": "Pro", "base_price": "99.00"}, "#
                + #"{"code": "starter", "name": "Starter", "base_price": "29.00"}], "addons": [{"code": "storage_50gb", "name": "Storage", "#
                + #""monthly_price": "5.00"}]}"#
            let fromJSON = try await client.send(.post, "/api/v1/price-books", token: admin, body: json)
            #expect(fromJSON.status == .created, "\(fromJSON.text)")
            let stored = try PriceBookStore(ledger: harness.ledger).book(inEffectAt: Timestamp(year: 2026, month: 8, day: 1))
            #expect(stored?.book.plan("starter")?.basePrice == Money(cents: 3_100))
            let list = try await client.get("/api/v1/price-books", token: admin).json
            #expect(list.items.map { $0["name"]?.string ?? "" } == ["standard-2026", "summer-2026", "autumn-2026"])
            // Paginated as every list is (it took no parameter, and its page.limit was its length).
            let second = try await client.get("/api/v1/price-books?limit=1&offset=1", token: admin).json
            #expect(second.items.map { $0["name"]?.string ?? "" } == ["summer-2026"])
            #expect(second["page"]?["limit"]?.int == 1 && second["page"]?["next_offset"]?.int == 2 && second["page"]?["total"]?.int == 3)
            #expect(try await client.get("/api/v1/price-books", token: admin).json["page"]?["limit"]?.int == 100)
            try await Self.expectRefusals([
                ("/api/v1/price-books", yaml.replacingOccurrences(of: "31.00", with: "thirty"), 400, "plans[0].base_price"),
                ("/api/v1/price-books", yaml.replacingOccurrences(of: "2026-07-01", with: "2026-02-30"), 400, "effective_from"),
                ("/api/v1/price-books", yaml, 409, "effective_from"),
                // Live subscriptions use pro (acme-api) and storage_50gb (acme-web): a book without them is refused.
                ("/api/v1/price-books", yaml.replacingOccurrences(of: "2026-07-01", with: "2026-12-01")
                    .replacingOccurrences(of: "  - {code: pro, name: Pro, base_price: 99.00}\n", with: ""), 409, "plans"),
                ("/api/v1/price-books", "name: [unclosed", 400, nil),
            ], client: client, token: admin, ledger: harness.ledger, contentType: "application/yaml")
            try await Self.expectRefusals([
                ("/api/v1/price-books", json.replacingOccurrences(of: "autumn-2026\", ", with: "x\", \"colour\": \"red\", "), 400, "colour"),
                // JSON is read by the YAML parser, which refuses a repeated key too (naming it and its line).
                ("/api/v1/price-books", json.replacingOccurrences(of: "\"name\": \"Pro\"", with: "\"name\": \"Pro\", \"name\": \"Max\""), 400, nil),
            ], client: client, token: admin, ledger: harness.ledger)
            let text = try await client.send(.post, "/api/v1/price-books", token: admin, body: yaml, contentType: "text/plain")
            #expect(text.status == .badRequest)
        }
    }

    @Test func specsAreRecordedAsProvisioningRecordsThem() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        let web1 = try await harness.ledger.writer.read {
            try String.fetchOne($0, sql: "SELECT provider_id FROM cloud_resources WHERE kind = 'droplet' AND name = 'web-1'")
        }
        let id = try #require(web1)
        try await harness.test { client async throws in
            let body = #"{"kind": "droplet", "provider_id": "\#(id)", "spec": {"size_slug": "s-1vcpu-1gb", "tags": ["web"]}}"#
            let recorded = try await client.send(.post, "/api/v1/specs", token: admin, body: body)
            #expect(try recorded.status == .ok && recorded.json["outcome"]?.string == "recorded" && recorded.json["spec_version"]?.int == 1)
            let pending = try await client.send(.post, "/api/v1/specs", token: admin,
                                                body: #"{"kind": "droplet", "provider_id": "999", "spec": {"size_slug": "s-1vcpu-1gb"}}"#)
            #expect(try pending.json["outcome"]?.string == "pending" && pending.json["spec_version"] == .null)
            try await Self.expectRefusals([
                ("/api/v1/specs", #"{"kind": "toaster", "provider_id": "1", "spec": {"a": 1}}"#, 400, "kind"),
                ("/api/v1/specs", #"{"kind": "droplet", "provider_id": "1", "spec": {}}"#, 400, "spec"),
                ("/api/v1/specs", #"{"kind": "droplet", "provider_id": "1", "spec": [1]}"#, 400, "spec"),
                ("/api/v1/specs", #"{"kind": "droplet", "spec": {"a": 1}}"#, 400, "provider_id"),
                ("/api/v1/specs", #"{"kind": "droplet", "provider_id": "1", "spec": {"size_slug": "a", "tags": [], "size_slug": "b"}}"#, 400,
                 "spec.size_slug"),
            ], client: client, token: admin, ledger: harness.ledger)
        }
    }

    @Test func ignoreRulesAreStoredForTheSchedulersSweeps() async throws {
        let harness = try await Self.harness()
        let admin = try await harness.adminToken
        let rule = #"{"id": "batch-retag", "kind": "droplet", "name_glob": "api-*", "field": "tags", "reason": "autoscaler", "expires": "2026-05-01T00:00:00Z"}"#
        try await harness.test { client async throws in
            let created = try await client.send(.post, "/api/v1/drift/ignore-rules", token: admin, body: rule)
            #expect(try created.status == .created && created.json["name_glob"]?.string == "api-*")
            #expect(try IgnoreRuleStore(ledger: harness.ledger).all().map(\.id) == ["batch-retag"])
            let list = try await client.get("/api/v1/drift/ignore-rules", token: admin).json
            #expect(list.items.count == 1 && list.items[0]["tag"] == .null)
            let past = try await client.get("/api/v1/drift/ignore-rules?offset=1", token: admin).json
            #expect(past.items.isEmpty && past["page"]?["total"]?.int == 1 && past["page"]?["next_offset"] == .null)
            try await Self.expectRefusals([
                ("/api/v1/drift/ignore-rules", rule, 409, nil),
                ("/api/v1/drift/ignore-rules", rule.replacingOccurrences(of: "2026-05-01T00:00:00Z", with: "soon"), 400, "expires"),
                // Read as written or not at all: a date alone, an offset or a fraction, and a past expiry.
                ("/api/v1/drift/ignore-rules", rule.replacingOccurrences(of: "2026-05-01T00:00:00Z", with: "2026-05-01"), 400, "expires"),
                ("/api/v1/drift/ignore-rules", rule.replacingOccurrences(of: "2026-05-01T00:00:00Z", with: "2026-05-01T00:00:00+02:00"), 400, "expires"),
                ("/api/v1/drift/ignore-rules", rule.replacingOccurrences(of: "2026-05-01T00:00:00Z", with: "2026-05-01T00:00:00.5Z"), 400, "expires"),
                ("/api/v1/drift/ignore-rules", rule.replacingOccurrences(of: "2026-05-01T00:00:00Z", with: "2000-01-01T00:00:00Z"), 400, "expires"),
                ("/api/v1/drift/ignore-rules", #"{"id": "all", "field": "tags", "reason": "r", "expires": "2026-05-01T00:00:00Z"}"#, 400, "kind"),
                ("/api/v1/drift/ignore-rules", #"{"id": "r", "kind": "droplet", "reason": "r", "expires": "2026-05-01T00:00:00Z"}"#, 400, "field"),
            ], client: client, token: admin, ledger: harness.ledger)
        }
    }

    @Test func invoiceActionsAreTheScenarioActionsEngineCalls() async throws {
        // At the scenario's end: acme's April invoice is paid, globex's issued.
        let harness = try await ServiceHarness.make(scenario: RevenueMonthEnd.name, at: Timestamp(year: 2026, month: 5, day: 6))
        let admin = try await harness.adminToken
        try await harness.test { client async throws in
            let invoices = try await client.get("/api/v1/invoices", token: admin).json.items
            let globex = try #require(invoices.first { $0["tenant"]?.string == "globex" }?["id"]?.int)
            let acme = try #require(invoices.first { $0["tenant"]?.string == "acme" }?["id"]?.int)
            let paid = try await client.post("/api/v1/invoices/\(globex)/paid", token: admin)
            #expect(try paid.status == .ok && paid.json["status"]?.string == "paid" && paid.json["paid_at"]?.string == "2026-05-06T00:00:00Z")
            let rollup = try await client.send(.post, "/api/v1/invoices/rollup", token: admin, body: #"{"period": "2026-04", "force": true}"#)
            #expect(rollup.status == .ok)
            #expect(try rollup.json["tenants"]?.items.compactMap { $0["outcome"]?.string }.allSatisfy { $0.hasPrefix("refused") } == true,
                    "both April invoices are paid: a forced rebuild is refused")
            let issue = try await client.post("/api/v1/invoices/issue", token: admin)
            #expect(try issue.status == .ok && issue.json["issued"]?.items.isEmpty == true)
            try await Self.expectRefusals([
                ("/api/v1/invoices/rollup", #"{"period": "2026-4"}"#, 400, "period"),
                ("/api/v1/invoices/rollup", #"{"period": "2026-04-01"}"#, 400, "period"),
                ("/api/v1/invoices/rollup", #"{"period": "2026-06"}"#, 400, "period"),
                ("/api/v1/invoices/rollup", #"{"period": "2026-03", "force": "yes"}"#, 400, "force"),
                ("/api/v1/invoices/\(acme)/paid", "", 409, nil),
                ("/api/v1/invoices/\(acme)/void", "", 409, nil),
                ("/api/v1/invoices/999/void", "", 404, nil),
                // An action takes no body; one sent is refused, not ignored (it used to be a 200).
                ("/api/v1/invoices/issue", #"{"junk": true}"#, 400, nil),
                ("/api/v1/invoices/\(globex)/void", #"{"reason": "typo"}"#, 400, nil),
                ("/api/v1/deployments/acme-api/end-subscription", "{}", 400, nil),
            ], client: client, token: admin, ledger: harness.ledger)
            let bad = try await client.post("/api/v1/invoices/x/void", token: admin)
            #expect(try bad.status == .badRequest && bad.json["error"]?["parameter"]?.string == "id")
        }
    }
}
