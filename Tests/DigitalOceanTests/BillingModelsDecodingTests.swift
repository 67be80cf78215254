import Foundation
import MoneyAndTime
import Testing
import TestSupport
@testable import DigitalOcean

/// Each verbatim billing example from DO's spec decodes with its real values.
@Suite struct BillingModelsDecodingTests {
    @Test func decodesBalance() throws {
        let balance = try JSONDecoder().decode(Balance.self, from: Fixture.data("balance.json"))
        #expect(balance == Balance(monthToDateBalance: "23.44", accountBalance: "12.23", monthToDateUsage: "11.21",
                                   generatedAt: "2019-07-09T15:01:12Z"))
        #expect(try Money(decimal: balance.accountBalance).adding(Money(decimal: balance.monthToDateUsage))
            == Money(decimal: balance.monthToDateBalance))
        #expect(Timestamp(iso8601: balance.generatedAt) == Timestamp(year: 2019, month: 7, day: 9, hour: 15, minute: 1, second: 12))
    }

    @Test func decodesBillingHistory() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<BillingHistoryEntry>.self, key: "billing_history",
                                                  from: Fixture.data("billing_history.json"))
        #expect(envelope.items == [
            BillingHistoryEntry(description: "Invoice for May 2018", amount: "12.34", invoiceID: "123", invoiceUUID: "example-uuid",
                                date: "2018-06-01T08:44:38Z", type: "Invoice"),
            BillingHistoryEntry(description: "Payment (MC 2018)", amount: "-12.34", date: "2018-06-02T08:44:38Z", type: "Payment"),
        ])
        #expect(envelope.meta?.total == 5)
        #expect(envelope.links?.pages?.next == "https://api.digitalocean.com/v2/customers/my/billing_history?page=2&per_page=2")
    }

    @Test func decodesInvoiceListWithPreview() throws {
        let data = try Fixture.data("invoices_list.json")
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<InvoicePreview>.self, key: "invoices", from: data)
        #expect(envelope.items == [
            InvoicePreview(invoiceUUID: "22737513-0ea7-4206-8ceb-98a575af7681", invoiceID: "12345678", amount: "12.34", invoicePeriod: "2019-12"),
            InvoicePreview(invoiceUUID: "fdabb512-6faf-443c-ba2e-665452332a9e", invoiceID: "23456789", amount: "23.45", invoicePeriod: "2019-11"),
        ])
        #expect(envelope.meta?.total == 70)
        let preview = try EnvelopeDecoder.decode(SingleEnvelope<InvoicePreview>.self, key: "invoice_preview", from: data).item
        #expect(preview == InvoicePreview(invoiceUUID: "1afe95e6-0958-4eb0-8d9a-9c5060d3ef03", invoiceID: "34567890", amount: "34.56",
                                          invoicePeriod: "2020-02", updatedAt: "2020-02-23T06:31:50Z"))
    }

    @Test func decodesInvoiceItems() throws {
        let envelope = try EnvelopeDecoder.decode(ListEnvelope<InvoiceItem>.self, key: "invoice_items", from: Fixture.data("invoice_items.json"))
        #expect(envelope.items == [
            InvoiceItem(product: "Kubernetes Clusters", resourceUUID: "711157cb-37c8-4817-b371-44fa3504a39c", groupDescription: "my-doks-cluster",
                        description: "a56e086a317d8410c8b4cfd1f4dc9f82", amount: "12.34", duration: "744", durationUnit: "Hours",
                        startTime: "2020-01-01T00:00:00Z", endTime: "2020-02-01T00:00:00Z"),
            InvoiceItem(product: "Spaces Subscription", description: "Spaces ($5/mo 250GB storage & 1TB bandwidth)", amount: "34.45",
                        duration: "744", durationUnit: "Hours", startTime: "2020-01-01T00:00:00Z", endTime: "2020-02-01T00:00:00Z"),
        ])
        #expect(envelope.items[1].resourceID == nil && envelope.items[1].projectName == nil && envelope.items[1].category == nil)
        #expect(envelope.meta?.total == 6)
    }

    @Test func decodesGodosInvoiceItemWithCategory() throws {
        let json = #"{"product":"Droplets","resource_id":"1234","resource_uuid":"droplet-1234-uuid","group_description":"","description":"My Example Droplet","amount":"12.34","duration":"672","duration_unit":"Hours","start_time":"2018-06-20T08:44:38Z","end_time":"2018-06-21T08:44:38Z","project_name":"My project","category":"iaas"}"#
        let item = try JSONDecoder().decode(InvoiceItem.self, from: Data(json.utf8))
        #expect(item.resourceID == "1234" && item.groupDescription == "" && item.projectName == "My project" && item.category == "iaas")
        #expect(item.duration == "672" && item.durationUnit == "Hours")
    }

    @Test func decodesInvoiceSummary() throws {
        let summary = try JSONDecoder().decode(InvoiceSummary.self, from: Fixture.data("invoice_summary.json"))
        #expect(summary.invoiceUUID == "22737513-0ea7-4206-8ceb-98a575af7681" && summary.invoiceID == "123456789")
        #expect(summary.billingPeriod == "2020-01" && summary.amount == "27.13")
        #expect(summary.userName == "Sammy Shark" && summary.userCompany == "DigitalOcean" && summary.userEmail == "sammy@digitalocean.com")
        #expect(summary.userBillingAddress == .init(addressLine1: "101 Shark Row", city: "Atlantis", region: "OC", postalCode: "12345",
                                                    countryISO2Code: "US", createdAt: "2019-09-03T16:34:46.000+00:00",
                                                    updatedAt: "2019-09-03T16:34:46.000+00:00"))
        #expect(summary.productCharges == .init(name: "Product usage charges", amount: "12.34", items: [
            .init(amount: "10.00", name: "Spaces Subscription", count: "1"),
            .init(amount: "2.34", name: "Database Clusters", count: "1"),
        ]))
        #expect(summary.overages == .init(name: "Overages", amount: "3.45"))
        #expect(summary.taxes == .init(name: "Taxes", amount: "4.56"))
        #expect(summary.creditsAndAdjustments == .init(name: "Credits & adjustments", amount: "6.78"))
        let parts = try [summary.productCharges.amount, summary.overages.amount, summary.taxes.amount, summary.creditsAndAdjustments.amount]
            .map { try Money(decimal: $0) }
        #expect(try parts.sum() == (try Money(decimal: summary.amount)))
    }

    @Test func invoiceCSVExampleAmountsParse() throws {
        let text = String(decoding: try Fixture.data("invoice.csv"), as: UTF8.self)
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows[0].joined(separator: ",") == "product,group_description,description,hours,start,end,USD,project_name,category")
        #expect(try rows.dropFirst().map { try Money(csvAmount: $0[6]).cents } == [311, 16])
        #expect(Timestamp(iso8601: rows[1][5]) == Timestamp(year: 2020, month: 7, day: 22, hour: 18, minute: 14, second: 39))
    }
}
