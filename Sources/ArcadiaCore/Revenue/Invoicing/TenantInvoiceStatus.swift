/// A tenant invoice's life: `draft` (built, may be rebuilt) → `issued` (sent; fixed) → `paid`;
/// a draft or an issued invoice may be `void`ed, after which the period can be invoiced afresh.
public enum TenantInvoiceStatus: String, Sendable, Equatable, CaseIterable {
    case draft
    case issued
    case paid
    case void
}
