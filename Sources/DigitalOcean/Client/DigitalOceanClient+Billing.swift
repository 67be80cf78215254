import Foundation

/// The billing endpoints (`/v2/customers/my/...`, scope `billing:read`), which cost ingestion reads.
extension DigitalOceanClient {
    /// Month-to-date balance and usage; a top-level object, not wrapped in a key.
    public func balance() async throws -> Balance {
        try await object(path: "/v2/customers/my/balance")
    }

    /// Every billing-history entry. DO's `meta.total` is optional here, so `Listing.total` may be nil.
    public func billingHistory() async throws -> Listing<BillingHistoryEntry> {
        try await list(path: "/v2/customers/my/billing_history", key: "billing_history")
    }

    /// Every issued invoice, plus the current month's preview from the first page.
    public func invoices() async throws -> InvoiceList {
        var preview: InvoicePreview?
        let listing: Listing<InvoicePreview> = try await list(path: "/v2/customers/my/invoices", key: "invoices") {
            response, request throws(DigitalOceanError) in
            preview = try decodeObject(InvoicePreviewEnvelope.self, response: response, request: request).invoicePreview
        }
        return InvoiceList(invoices: listing.items, preview: preview, pageCount: listing.pageCount, total: listing.total)
    }

    /// The lines of one invoice; `uuid` may be `preview` for the current month so far.
    public func invoiceItems(uuid: String) async throws -> Listing<InvoiceItem> {
        try await list(path: "/v2/customers/my/invoices/\(uuid)", key: "invoice_items")
    }

    public func invoiceSummary(uuid: String) async throws -> InvoiceSummary {
        try await object(path: "/v2/customers/my/invoices/\(uuid)/summary")
    }

    /// The invoice's CSV export, byte for byte as DO sent it (`text/csv`). Parsing is the
    /// ingestion's business: it has to cope with DO's column order and quirks anyway.
    public func invoiceCSV(uuid: String) async throws -> Data {
        try await send(APIRequest(path: "/v2/customers/my/invoices/\(uuid)/csv", headers: ["accept": "text/csv"])).body
    }

    /// A body that is the object itself, as the billing endpoints answer.
    private func object<Item: Decodable>(path: String) async throws -> Item {
        let request = APIRequest(path: path)
        return try decodeObject(Item.self, response: try await send(request), request: request)
    }

    private func decodeObject<T: Decodable>(_ type: T.Type, response: APIResponse, request: APIRequest) throws(DigitalOceanError) -> T {
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch {
            throw .decoding(request: request.summary, detail: EnvelopeDecoder.explain(error))
        }
    }
}

/// The `invoice_preview` beside the `invoices` list.
private struct InvoicePreviewEnvelope: Decodable {
    var invoicePreview: InvoicePreview?

    enum CodingKeys: String, CodingKey {
        case invoicePreview = "invoice_preview"
    }
}
