import DigitalOcean
import MoneyAndTime

/// The DO API shapes of an invoice: its list entry, its items and its summary.
extension FakeInvoice {
    /// The `invoices` list entry; the preview also carries `updated_at`.
    func listModel(updatedAt: Timestamp?) -> InvoicePreview {
        Self.listModel(month: month, identity: (uuid, invoiceID), amount: amount, updatedAt: updatedAt)
    }

    static func listModel(month: BillingMonth, identity: (uuid: String, invoiceID: String), amount: Money,
                          updatedAt: Timestamp?) -> InvoicePreview {
        InvoicePreview(invoiceUUID: identity.uuid, invoiceID: identity.invoiceID, amount: amount.decimalString, invoicePeriod: month.period,
                       updatedAt: updatedAt?.iso8601)
    }

    /// Items share every value with the CSV row; a tax line has no `duration`, as its CSV `hours`
    /// is blank.
    var itemModels: [InvoiceItem] {
        lines.map { line in
            InvoiceItem(product: line.product, resourceUUID: line.resourceUUID, resourceID: line.resourceID, groupDescription: line.groupDescription,
                        description: line.description, amount: line.amount.decimalString, duration: line.hours.map(String.init),
                        durationUnit: line.hours == nil ? nil : "Hours", startTime: line.start.iso8601, endTime: line.end.iso8601,
                        projectName: line.projectName, category: line.category)
        }
    }

    /// Product charges: the pre-tax total and one item per product (in order of first line) with
    /// its line count; taxes from the tax line; no overages or credits are modelled yet.
    func summaryModel() throws(MoneyOverflow) -> InvoiceSummary {
        var products: [(name: String, amount: Money, count: Int)] = []
        for line in draft.usage {
            if let index = products.firstIndex(where: { $0.name == line.product }) {
                products[index].amount = try products[index].amount.adding(line.amount)
                products[index].count += 1
            } else {
                products.append((line.product, line.amount, 1))
            }
        }
        return InvoiceSummary(
            invoiceUUID: uuid, invoiceID: invoiceID, billingPeriod: month.period, amount: amount.decimalString,
            userName: BillingProfile.userName, userBillingAddress: BillingProfile.address, userCompany: BillingProfile.company,
            userEmail: BillingProfile.email,
            productCharges: .init(name: "Product usage charges", amount: draft.subtotal.decimalString,
                                  items: products.map { .init(amount: $0.amount.decimalString, name: $0.name, count: String($0.count)) }),
            overages: .init(name: "Overages", amount: Money.zero.decimalString),
            taxes: .init(name: "Taxes", amount: (draft.tax?.amount ?? .zero).decimalString),
            creditsAndAdjustments: .init(name: "Credits & adjustments", amount: Money.zero.decimalString))
    }
}

/// Who the fake account's invoices are addressed to: fixed, so summaries never vary by run.
enum BillingProfile {
    static let userName = "Arcadia Operations"
    static let company = "Arcadia Cloud"
    static let email = "billing@arcadia-cloud.example"
    static let address = InvoiceSummary.BillingAddress(
        addressLine1: "1 Harbour Street", city: "Sydney", region: "NSW", postalCode: "2000", countryISO2Code: "AU",
        createdAt: "2024-01-15T09:30:00.000+00:00", updatedAt: "2024-01-15T09:30:00.000+00:00")
}
