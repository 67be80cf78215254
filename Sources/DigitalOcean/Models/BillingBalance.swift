/// `GET /v2/customers/my/balance`: a top-level object (no envelope key).
///
/// Amounts stay the decimal strings DO sends; `Money(decimal:)` turns them into cents, so a
/// malformed amount is an error the caller can place instead of a decoding failure of the whole body.
public struct Balance: Codable, Sendable, Equatable {
    /// `account_balance + month_to_date_usage`.
    public var monthToDateBalance: String
    /// The most recent billing activity (invoices less payments); excludes this month's usage.
    public var accountBalance: String
    /// Usage so far this month, as of `generatedAt`.
    public var monthToDateUsage: String
    public var generatedAt: String

    public init(monthToDateBalance: String, accountBalance: String, monthToDateUsage: String, generatedAt: String) {
        self.monthToDateBalance = monthToDateBalance
        self.accountBalance = accountBalance
        self.monthToDateUsage = monthToDateUsage
        self.generatedAt = generatedAt
    }

    enum CodingKeys: String, CodingKey {
        case monthToDateBalance = "month_to_date_balance"
        case accountBalance = "account_balance"
        case monthToDateUsage = "month_to_date_usage"
        case generatedAt = "generated_at"
    }
}
