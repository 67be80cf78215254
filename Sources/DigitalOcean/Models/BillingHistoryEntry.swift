/// One entry of `GET /v2/customers/my/billing_history`.
public struct BillingHistoryEntry: Codable, Sendable, Equatable {
    public var description: String
    /// Decimal string; payments and credits are negative (`"-12.34"`).
    public var amount: String
    /// Only on `Invoice` entries.
    public var invoiceID: String?
    public var invoiceUUID: String?
    public var date: String
    /// `ACHFailure`, `Adjustment`, `AttemptFailed`, `Chargeback`, `Credit`, `CreditExpiration`,
    /// `Invoice`, `Payment`, `Refund` or `Reversal`. Kept as a string so a type DO adds later does
    /// not make the whole history undecodable.
    public var type: String

    public init(description: String, amount: String, invoiceID: String? = nil, invoiceUUID: String? = nil, date: String, type: String) {
        self.description = description
        self.amount = amount
        self.invoiceID = invoiceID
        self.invoiceUUID = invoiceUUID
        self.date = date
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case description, amount, date, type
        case invoiceID = "invoice_id"
        case invoiceUUID = "invoice_uuid"
    }
}
