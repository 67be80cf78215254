import DigitalOcean
import Foundation
import MoneyAndTime

/// Where cost ingestion gets DigitalOcean's billing data: the three calls it needs, in plain
/// values. Production adapts the DigitalOcean client's billing endpoints to it; tests and the
/// simulator pass fakes. Keeping this narrow keeps the engine independent of the client's models.
public protocol InvoiceSource: Sendable {
    /// Every issued invoice (not the running preview), in any order.
    func listInvoices() async throws -> [InvoiceHeader]
    /// The invoice's CSV export, raw bytes (`GET /v2/customers/my/invoices/{uuid}/csv`).
    func csv(invoiceUUID: String) async throws -> Data
    /// The account balance now (`GET /v2/customers/my/balance`).
    func balance() async throws -> BalanceFigures
}

/// An invoice as DO's invoice list shows it, amounts already in cents.
public struct InvoiceHeader: Sendable, Equatable {
    public var uuid: String
    /// The invoice number printed on the PDF.
    public var invoiceID: String
    /// `YYYY-MM`.
    public var period: String
    public var amountCents: Int64

    public init(uuid: String, invoiceID: String, period: String, amountCents: Int64) {
        self.uuid = uuid
        self.invoiceID = invoiceID
        self.period = period
        self.amountCents = amountCents
    }

    /// How messages name it: `invoice 2026-04 (<uuid>)`.
    public var label: String { "invoice \(period) (\(uuid))" }

    /// True for `YYYY-MM` with a month 01–12: the only form the ledger stores.
    var hasValidPeriod: Bool { BillingPeriod(period) != nil }
}

/// DO's balance figures in cents. DO promises month_to_date_balance = account_balance +
/// month_to_date_usage; it is stored as given, not recomputed, so a violation stays visible.
public struct BalanceFigures: Sendable, Equatable {
    public var monthToDateBalanceCents: Int64
    public var accountBalanceCents: Int64
    public var monthToDateUsageCents: Int64
    public var generatedAt: Timestamp

    public init(monthToDateBalanceCents: Int64, accountBalanceCents: Int64, monthToDateUsageCents: Int64, generatedAt: Timestamp) {
        self.monthToDateBalanceCents = monthToDateBalanceCents
        self.accountBalanceCents = accountBalanceCents
        self.monthToDateUsageCents = monthToDateUsageCents
        self.generatedAt = generatedAt
    }
}
