/// Why an invoice operation was refused. The ledger is left as it was.
public enum TenantInvoiceError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchTenant(String)
    /// No invoice other than void ones exists for the tenant and period.
    case noInvoice(tenant: String, period: BillingPeriod)
    /// A forced rollup only rebuilds a draft: an issued or paid invoice has been sent and must be
    /// voided first.
    case notADraft(tenant: String, period: BillingPeriod, status: TenantInvoiceStatus)
    /// The status cannot move that way (e.g. a draft cannot be paid, a paid invoice cannot be voided).
    case transition(tenant: String, period: BillingPeriod, from: TenantInvoiceStatus, to: TenantInvoiceStatus)

    public var description: String {
        switch self {
        case .noSuchTenant(let code):
            return "no tenant '\(code)'"
        case .noInvoice(let tenant, let period):
            return "tenant '\(tenant)' has no \(period) invoice (other than void ones)"
        case .notADraft(let tenant, let period, let status):
            return "the \(period) invoice of tenant '\(tenant)' is \(status.rawValue); only a draft can be rebuilt: void it first"
        case .transition(let tenant, let period, let from, let to):
            return "the \(period) invoice of tenant '\(tenant)' is \(from.rawValue) and cannot become \(to.rawValue)"
        }
    }
}
