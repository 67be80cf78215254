import ArcadiaCore

/// The revenue timeline actions: an operator's `rollup_invoices` re-run, and `invoice_paid` /
/// `invoice_void` on a tenant's invoice (`docs/scenario-format.md`, `docs/revenue.md`).
extension YAMLNodeReader {
    func revenueAction(_ kind: ScenarioActionKind, _ body: YAMLField) throws(ScenarioError) -> ScenarioAction {
        switch kind {
        case .rollupInvoices:
            let map = try mapping(body, allowed: ["period", "force"])
            return .rollupInvoices(period: try billingPeriod(map.required("period")), force: try map.optional("force").map(bool) ?? false)
        case .invoicePaid, .invoiceVoid:
            let map = try mapping(body, allowed: ["tenant", "period"])
            let tenant = try nonEmptyString(map.required("tenant"))
            let period = try billingPeriod(map.required("period"))
            return kind == .invoicePaid ? .invoicePaid(tenant: tenant, period: period) : .invoiceVoid(tenant: tenant, period: period)
        default:
            preconditionFailure("\(kind.rawValue) is not a revenue action")
        }
    }

    /// `2026-04`.
    private func billingPeriod(_ field: YAMLField) throws(ScenarioError) -> BillingPeriod {
        let text = try nonEmptyString(field)
        guard let period = BillingPeriod(text) else {
            throw error(field, "'\(text)' is not a billing month; write it YYYY-MM, e.g. 2026-04")
        }
        return period
    }
}
