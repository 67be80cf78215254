/// An invoice as `GET /v2/customers/my/invoices` lists it, and the month-to-date
/// `invoice_preview` beside the list.
public struct InvoicePreview: Codable, Sendable, Equatable {
    public var invoiceUUID: String
    /// The invoice number printed on the PDF.
    public var invoiceID: String
    /// Decimal string, tax included.
    public var amount: String
    /// `YYYY-MM`.
    public var invoicePeriod: String
    /// Only on the preview.
    public var updatedAt: String?

    public init(invoiceUUID: String, invoiceID: String, amount: String, invoicePeriod: String, updatedAt: String? = nil) {
        self.invoiceUUID = invoiceUUID
        self.invoiceID = invoiceID
        self.amount = amount
        self.invoicePeriod = invoicePeriod
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case amount
        case invoiceUUID = "invoice_uuid"
        case invoiceID = "invoice_id"
        case invoicePeriod = "invoice_period"
        case updatedAt = "updated_at"
    }
}

/// Every issued invoice (all pages, newest first as DO lists them) and the current month's preview.
public struct InvoiceList: Sendable, Equatable {
    public var invoices: [InvoicePreview]
    /// From the first page; nil if DO sent none.
    public var preview: InvoicePreview?
    public var pageCount: Int
    public var total: Int?

    public init(invoices: [InvoicePreview], preview: InvoicePreview?, pageCount: Int, total: Int?) {
        self.invoices = invoices
        self.preview = preview
        self.pageCount = pageCount
        self.total = total
    }
}
