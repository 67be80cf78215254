import DigitalOcean
import MoneyAndTime

/// An invoice the fake issued for a closed month (or the preview of the open one). Its identity
/// is derived from the seed and the month alone, without drawing from the world's random stream,
/// so issuing invoices never shifts the ids of droplets created later, and a test or scenario can
/// name an invoice (e.g. to corrupt its CSV) before it exists.
struct FakeInvoice: Sendable, Equatable {
    let month: BillingMonth
    let uuid: String
    /// DO's invoice number (`invoice_id`), a string of digits.
    let invoiceID: String
    let draft: InvoiceDraft

    init(month: BillingMonth, seed: UInt64, draft: InvoiceDraft) {
        self.month = month
        let identity = Self.identity(month: month, seed: seed)
        uuid = identity.uuid
        invoiceID = identity.invoiceID
        self.draft = draft
    }

    var lines: [InvoiceLine] { draft.lines }
    var amount: Money { draft.amount }

    /// The month's uuid and number. Numbers grow by one a month from a seeded base, like an
    /// account's real invoice numbers.
    static func identity(month: BillingMonth, seed: UInt64) -> (uuid: String, invoiceID: String) {
        let key = SeededGenerator.mix(seed ^ 0x1A70_1CE5_0000_0000) ^ UInt64(month.index)
        let high = SeededGenerator.mix(key)
        let uuid = DeterministicFormat.uuid(high, SeededGenerator.mix(high &+ 0x9E37_79B9_7F4A_7C15))
        let base = 100_000_000 + Int(SeededGenerator.mix(seed ^ 0xB111_0000) % 800_000_000)
        return (uuid, String(base + month.index))
    }

    /// `DigitalOcean Invoice 2026 Apr (123456789).csv`.
    var csvFilename: String { "DigitalOcean Invoice \(month.shortName) (\(invoiceID)).csv" }
}
