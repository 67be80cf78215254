import Foundation
import Testing
import TestSupport
import DigitalOcean

/// Serves the verbatim billing examples by path, remembering what was asked.
private struct FixtureTransport: Transport {
    let routes: @Sendable (APIRequest) throws -> APIResponse

    func send(_ request: APIRequest) async throws -> APIResponse {
        try routes(request)
    }
}

private func ok(_ body: Data, headers: [String: String] = [:]) -> APIResponse {
    APIResponse(status: 200, headers: headers, body: body)
}

/// The billing endpoints: paths, envelopes, the optional `meta.total`, the preview, raw CSV bytes.
@Suite struct BillingClientTests {
    @Test func balanceAndSummaryAreTopLevelObjects() async throws {
        let balance = try Fixture.data("balance.json"), summary = try Fixture.data("invoice_summary.json")
        let client = DigitalOceanClient(transport: FixtureTransport { request in
            switch request.path {
            case "/v2/customers/my/balance": ok(balance)
            case "/v2/customers/my/invoices/abc/summary": ok(summary)
            default: APIResponse(status: 404)
            }
        }, token: "t")
        #expect(try await client.balance().monthToDateUsage == "11.21")
        #expect(try await client.invoiceSummary(uuid: "abc").taxes.amount == "4.56")
    }

    @Test func billingHistoryWithoutMetaTotalWalksByLinks() async throws {
        let page1 = #"{"billing_history":[{"description":"Invoice for May 2018","amount":"12.34","invoice_id":"123","invoice_uuid":"u1","date":"2018-06-01T08:44:38Z","type":"Invoice"}],"links":{"pages":{"next":"https://api.digitalocean.com/v2/customers/my/billing_history?page=2&per_page=200"}},"meta":{}}"#
        let page2 = #"{"billing_history":[{"description":"Payment (MC 2018)","amount":"-12.34","date":"2018-06-02T08:44:38Z","type":"Payment"}],"links":{"pages":{"first":"https://api.digitalocean.com/v2/customers/my/billing_history?page=1&per_page=200"}},"meta":{}}"#
        let client = DigitalOceanClient(transport: FixtureTransport { request in
            #expect(request.path == "/v2/customers/my/billing_history")
            return ok(Data((request.queryValue("page") == "1" ? page1 : page2).utf8))
        }, token: "t")
        let history = try await client.billingHistory()
        #expect(history.items.map(\.type) == ["Invoice", "Payment"])
        #expect(history.items.map(\.amount) == ["12.34", "-12.34"])
        #expect(history.total == nil && history.pageCount == 2)
    }

    @Test func invoicesCarryThePreview() async throws {
        let body = #"{"invoices":[{"invoice_uuid":"u2","invoice_id":"2","amount":"6.00","invoice_period":"2026-04"}],"invoice_preview":{"invoice_uuid":"u3","invoice_id":"3","amount":"1.23","invoice_period":"2026-05","updated_at":"2026-05-10T00:00:00Z"},"links":{},"meta":{"total":1}}"#
        let client = DigitalOceanClient(transport: FixtureTransport { _ in ok(Data(body.utf8)) }, token: "t")
        let list = try await client.invoices()
        #expect(list.invoices == [InvoicePreview(invoiceUUID: "u2", invoiceID: "2", amount: "6.00", invoicePeriod: "2026-04")])
        #expect(list.preview == InvoicePreview(invoiceUUID: "u3", invoiceID: "3", amount: "1.23", invoicePeriod: "2026-05",
                                               updatedAt: "2026-05-10T00:00:00Z"))
        #expect(list.total == 1 && list.pageCount == 1)
    }

    @Test func invoiceItemsAreAPaginatedList() async throws {
        let body = try Fixture.data("invoice_items.json")
        let single = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        let items = try JSONSerialization.data(withJSONObject: ["invoice_items": single?["invoice_items"] ?? [], "meta": ["total": 2]])
        let client = DigitalOceanClient(transport: FixtureTransport { request in
            #expect(request.path == "/v2/customers/my/invoices/preview")
            return ok(items)
        }, token: "t")
        let listing = try await client.invoiceItems(uuid: "preview")
        #expect(listing.items.map(\.product) == ["Kubernetes Clusters", "Spaces Subscription"])
        #expect(listing.items.map(\.amount) == ["12.34", "34.45"])
    }

    @Test func invoiceCSVReturnsRawBytesAskingForCSV() async throws {
        let csv = try Fixture.data("invoice.csv")
        let client = DigitalOceanClient(transport: FixtureTransport { request in
            #expect(request.path == "/v2/customers/my/invoices/u1/csv")
            #expect(request.headers["accept"] == "text/csv")
            return ok(csv, headers: ["content-type": "text/csv"])
        }, token: "t")
        #expect(try await client.invoiceCSV(uuid: "u1") == csv)
    }

    @Test func unknownInvoiceIsA404() async throws {
        let client = DigitalOceanClient(transport: FixtureTransport { _ in
            APIResponse(status: 404, body: Data(#"{"id":"not_found","message":"The resource you requested could not be found."}"#.utf8))
        }, token: "t")
        let error = await #expect(throws: DigitalOceanError.self) { try await client.invoiceCSV(uuid: "nope") }
        #expect(error?.status == 404)
        #expect(error?.description == "GET /v2/customers/my/invoices/nope/csv: 404 not_found The resource you requested could not be found.")
    }
}
