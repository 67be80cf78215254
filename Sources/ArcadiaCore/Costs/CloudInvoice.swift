import DigitalOcean
import GRDB
import MoneyAndTime

/// One `cloud_invoices` row: an invoice DO listed, and how far its ingest got.
public struct CloudInvoice: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cloud_invoices"

    public enum Columns: String, ColumnExpression {
        case id, invoiceUUID = "invoice_uuid", invoiceID = "invoice_id", period, amountCents = "amount_cents"
        case ingestedAt = "ingested_at", lineCount = "line_count", ingestError = "ingest_error", origin = "source"
    }

    /// Where an invoice's lines came from (`cloud_invoices.source`).
    public enum Origin: String, Sendable, Equatable {
        /// Listed by the invoices job and ingested from DO's API.
        case api
        /// Imported from an invoice export (`arcadia import do-invoice`).
        case csv
    }

    public var id: Int64
    public var invoiceUUID: String
    /// The invoice number printed on the PDF.
    public var invoiceID: String
    public var period: BillingPeriod
    public var amountCents: Int64
    /// When its lines were last ingested; nil until then, and again once its amount changed.
    public var ingestedAt: Timestamp?
    public var lineCount: Int
    /// The last failed attempt's error, until an ingest succeeds.
    public var ingestError: String?
    public var origin: Origin

    public init(id: Int64, invoiceUUID: String, invoiceID: String, period: BillingPeriod, amountCents: Int64,
                ingestedAt: Timestamp? = nil, lineCount: Int = 0, ingestError: String? = nil, origin: Origin = .api) {
        self.id = id
        self.invoiceUUID = invoiceUUID
        self.invoiceID = invoiceID
        self.period = period
        self.amountCents = amountCents
        self.ingestedAt = ingestedAt
        self.lineCount = lineCount
        self.ingestError = ingestError
        self.origin = origin
    }

    public init(row: Row) throws {
        id = try row.decode(forColumn: Columns.id)
        invoiceUUID = try row.decode(forColumn: Columns.invoiceUUID)
        invoiceID = try row.decode(forColumn: Columns.invoiceID)
        period = try row.decode(forColumn: Columns.period)
        amountCents = try row.decode(forColumn: Columns.amountCents)
        ingestedAt = try row.decode(forColumn: Columns.ingestedAt)
        lineCount = try row.decode(forColumn: Columns.lineCount)
        ingestError = try row.decode(forColumn: Columns.ingestError)
        origin = try row.decode(forColumn: Columns.origin)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.invoiceUUID] = invoiceUUID
        container[Columns.invoiceID] = invoiceID
        container[Columns.period] = period
        container[Columns.amountCents] = amountCents
        container[Columns.ingestedAt] = ingestedAt
        container[Columns.lineCount] = lineCount
        container[Columns.ingestError] = ingestError
        container[Columns.origin] = origin
    }

    /// The header as DO listed it.
    public var header: InvoiceHeader {
        InvoiceHeader(uuid: invoiceUUID, invoiceID: invoiceID, period: period.description, amountCents: amountCents)
    }
}
