import ArcadiaCore
import DigitalOcean
import MoneyAndTime

// Revenue actions (`rollup_invoices`, `invoice_paid`, `invoice_void`), played by `Platform`
// through `TenantInvoicing`: their YAML and the validator's checks of them.

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
    func billingPeriod(_ field: YAMLField) throws(ScenarioError) -> BillingPeriod {
        let text = try nonEmptyString(field)
        guard let period = BillingPeriod(text) else {
            throw error(field, "'\(text)' is not a billing month; write it YYYY-MM, e.g. 2026-04")
        }
        return period
    }
}

/// The validator's revenue checks: a period is invoiced only once it has ended, and invoice events
/// name a declared tenant. Whether the tenant has an invoice in the state an event needs depends on the rollup, so the simulator
/// reports that one when it plays the event.
extension ScenarioDryRun {
    func checkRevenueAction(_ action: ScenarioAction, field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        let period: BillingPeriod
        switch action {
        case .rollupInvoices(let p, _):
            period = p
        case .invoicePaid(let tenant, let p), .invoiceVoid(let tenant, let p):
            period = p
            let tenants = scenario.tenancy.tenants.map(\.code)
            guard tenants.contains(tenant) else {
                throw error("\(field).tenant", near: near, "no tenant has code '\(tenant)'; tenants: \(tenants.sorted().joined(separator: ", "))")
            }
        default:
            return
        }
        guard when >= period.end else {
            throw error("\(field).period", near: near,
                        "\(period) has not ended at \(when); its invoices are rolled up from \(period.end) (the job runs at 03:00 on the 1st)")
        }
    }
}
