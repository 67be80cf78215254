import DigitalOcean
import Foundation
import MoneyAndTime

/// The production `InvoiceSource`: DO's billing endpoints through the DigitalOcean client, with
/// DO's decimal-string amounts turned into exact cents.
public struct DigitalOceanInvoiceSource: InvoiceSource {
    public var client: DigitalOceanClient

    public init(client: DigitalOceanClient) { self.client = client }

    public func listInvoices() async throws -> [InvoiceHeader] {
        try await client.invoices().invoices.map { invoice in
            InvoiceHeader(uuid: invoice.invoiceUUID, invoiceID: invoice.invoiceID, period: invoice.invoicePeriod,
                          amountCents: Int64(try Money(decimal: invoice.amount).cents))
        }
    }

    public func csv(invoiceUUID: String) async throws -> Data {
        try await client.invoiceCSV(uuid: invoiceUUID)
    }

    public func balance() async throws -> BalanceFigures {
        let balance = try await client.balance()
        guard let generatedAt = Timestamp(iso8601: balance.generatedAt) else {
            throw DigitalOceanError.decoding(request: "GET /v2/customers/my/balance",
                                             detail: "generated_at '\(balance.generatedAt)' is not a time")
        }
        return BalanceFigures(monthToDateBalanceCents: Int64(try Money(decimal: balance.monthToDateBalance).cents),
                              accountBalanceCents: Int64(try Money(decimal: balance.accountBalance).cents),
                              monthToDateUsageCents: Int64(try Money(decimal: balance.monthToDateUsage).cents),
                              generatedAt: generatedAt)
    }
}
