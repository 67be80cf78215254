import ArcadiaCore
import DigitalOcean

/// The validator's revenue checks: a period is invoiced only once it has ended, and invoice events
/// name a declared tenant. Whether the tenant has an invoice in the state an event needs depends on the rollup, so the simulator
/// reports that one when it plays the event.
extension ValidationWalk {
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
