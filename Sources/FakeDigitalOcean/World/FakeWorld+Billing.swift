import DigitalOcean

/// Account-level billing settings. Each bumps `revision` but not `inventoryRevision`: only what the
/// billing endpoints show changes.
extension FakeWorld {
    mutating func setTaxRate(basisPoints: Int, description: String) throws(FakeWorldError) {
        guard (0...10_000).contains(basisPoints) else {
            throw .invalidArgument("a tax rate is 0…10000 basis points (10% = 1000), got \(basisPoints)")
        }
        guard !description.isEmpty else { throw .invalidArgument("a tax rate needs a description, e.g. 'GST (10%)'") }
        bumpBillingRevision()
        billing.taxRate = TaxRate(basisPoints: basisPoints, description: description)
    }

    mutating func removeTaxRate() {
        guard billing.taxRate != nil else { return }
        bumpBillingRevision()
        billing.taxRate = nil
    }

    /// Any of DO's columns, each once and in any order, as long as the five every export has are
    /// there (DO's 9, its older 8 without `category`, or a scenario's narrower choice).
    mutating func setInvoiceCSVColumns(_ columns: [InvoiceCSVColumn]) throws(FakeWorldError) {
        guard Set(columns).count == columns.count, Set(InvoiceCSVColumn.required).isSubset(of: columns) else {
            throw .invalidArgument("CSV columns must include product, description, start, end and USD, each once; got "
                + columns.map(\.rawValue).joined(separator: ","))
        }
        guard columns != billing.csvColumns else { return }
        bumpBillingRevision()
        billing.csvColumns = columns
    }

    /// The uuid the invoice for `period` (`YYYY-MM`) has or will have.
    func invoiceUUID(period: String) throws(FakeWorldError) -> String {
        guard let month = BillingMonth(period: period) else {
            throw .invalidArgument("'\(period)' is not a billing period (YYYY-MM)")
        }
        return FakeInvoice.identity(month: month, seed: billing.seed).uuid
    }
}
