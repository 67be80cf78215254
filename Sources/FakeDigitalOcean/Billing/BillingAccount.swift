import DigitalOcean
import MoneyAndTime

/// The fake account's billing: issued invoices, the billing history, the tax rate and how the CSV
/// export looks. Months close as the clock passes 00:00 UTC on the 1st; until then the month is
/// open and only previewed, computed from the world's history up to `now`.
struct BillingAccount: Sendable {
    /// A dated billing-history entry; only entries dated at or before `now` are visible.
    struct Entry: Sendable, Equatable {
        let date: Timestamp
        let amount: Money
        let model: BillingHistoryEntry
    }

    let seed: UInt64
    /// The month being accrued. It starts as the month the fake starts in: earlier months are
    /// never invoiced, even for droplets backdated into them.
    private(set) var openMonth: BillingMonth
    /// Issued invoices, oldest first.
    private(set) var invoices: [FakeInvoice] = []
    /// Sorted by date by construction: each close appends entries later than all before.
    private(set) var entries: [Entry] = []
    private(set) var visibleEntryCount = 0
    /// Once a month has closed, its history is final: nothing may be backdated before `openMonth`.
    private(set) var hasClosedAMonth = false
    /// A month whose amounts did not fit in integer cents (a world priced far beyond
    /// `Money.largest`): it stays open and never closes, and the billing endpoints answer 500
    /// naming it, rather than the fake trapping or inventing an amount.
    private(set) var unbillableMonth: BillingMonth?
    var taxRate: TaxRate?
    var csvColumns: [InvoiceCSVColumn] = InvoiceCSVColumn.standard

    /// DO dates an invoice in the morning of the 1st and collects payment a day later; the times
    /// are DO's own example's, fixed so every run dates them alike.
    static let invoiceTimeOfDay: Int64 = 8 * 3_600 + 44 * 60 + 38
    static let paymentDescription = "Payment (Visa 4242)"

    init(seed: UInt64, start: Timestamp) {
        self.seed = seed
        openMonth = BillingMonth(containing: start)
    }

    /// Closes every month that ends at or before `time` and reveals the entries dated by then.
    /// Returns whether anything the billing endpoints show changed (so the world bumps `revision`).
    mutating func settle(through time: Timestamp, history: BillableHistory) -> Bool {
        var changed = false
        while unbillableMonth == nil, openMonth.end <= time {
            close(history: history)
            changed = true
        }
        while visibleEntryCount < entries.count, entries[visibleEntryCount].date <= time {
            visibleEntryCount += 1
            changed = true
        }
        return changed
    }

    /// Issues the open month's invoice (none when nothing was used) with its `Invoice` and
    /// `Payment` history entries, and opens the next month.
    private mutating func close(history: BillableHistory) {
        let month = openMonth
        let draft: InvoiceDraft
        do {
            draft = try InvoiceDraft(month: month, period: month.range, history: history, taxRate: taxRate)
        } catch {
            unbillableMonth = month
            return
        }
        openMonth = month.next
        hasClosedAMonth = true
        guard !draft.usage.isEmpty else { return }
        let invoice = FakeInvoice(month: month, seed: seed, draft: draft)
        invoices.append(invoice)
        let invoiceDate = month.end + Self.invoiceTimeOfDay
        entries.append(Entry(date: invoiceDate, amount: invoice.amount, model: BillingHistoryEntry(
            description: "Invoice for \(month.longName)", amount: invoice.amount.decimalString, invoiceID: invoice.invoiceID,
            invoiceUUID: invoice.uuid, date: invoiceDate.iso8601, type: "Invoice")))
        let paymentDate = invoiceDate + 86_400
        entries.append(Entry(date: paymentDate, amount: -invoice.amount, model: BillingHistoryEntry(
            description: Self.paymentDescription, amount: (-invoice.amount).decimalString, date: paymentDate.iso8601, type: "Payment")))
    }

    var visibleEntries: ArraySlice<Entry> { entries[..<visibleEntryCount] }

    /// The open month so far: `[month start, now)`.
    func preview(at now: Timestamp, history: BillableHistory) throws(MoneyOverflow) -> FakeInvoice {
        let draft = try InvoiceDraft(month: openMonth, period: openMonth.start..<now, history: history, taxRate: taxRate)
        return FakeInvoice(month: openMonth, seed: seed, draft: draft)
    }

    /// The preview's entry in the invoice list, priced without drawing up its lines: the invoices
    /// job lists invoices every day, and only the preview's total shows there.
    func previewListModel(at now: Timestamp, history: BillableHistory) throws(MoneyOverflow) -> InvoicePreview {
        let amount = try InvoiceDraft.amount(period: openMonth.start..<now, history: history, taxRate: taxRate)
        return FakeInvoice.listModel(month: openMonth, identity: FakeInvoice.identity(month: openMonth, seed: seed), amount: amount,
                                     updatedAt: now)
    }

    /// An issued invoice, or the preview when `uuid` is `preview` or the open month's own uuid.
    func invoice(uuid: String, at now: Timestamp, history: BillableHistory) throws(MoneyOverflow) -> (invoice: FakeInvoice, isPreview: Bool)? {
        if let issued = invoices.first(where: { $0.uuid == uuid }) { return (issued, false) }
        guard uuid == "preview" || uuid == FakeInvoice.identity(month: openMonth, seed: seed).uuid else { return nil }
        return (try preview(at: now, history: history), true)
    }

    /// `account_balance` = Σ visible history entries; `month_to_date_usage` = the open month's
    /// usage so far, before tax; `month_to_date_balance` = their sum.
    func balance(at now: Timestamp, history: BillableHistory) throws(MoneyOverflow) -> Balance {
        let account = try visibleEntries.map(\.amount).sum()
        let usage = try InvoiceDraft.subtotal(period: openMonth.start..<now, history: history)
        return Balance(monthToDateBalance: try account.adding(usage).decimalString, accountBalance: account.decimalString,
                       monthToDateUsage: usage.decimalString, generatedAt: now.iso8601)
    }
}
