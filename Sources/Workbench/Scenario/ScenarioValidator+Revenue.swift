import ArcadiaCore
import DigitalOcean

/// The validator's revenue checks: a period is invoiced only once it has ended. Whether the
/// tenant has an invoice in the state an event needs depends on the rollup, so the simulator
/// reports that one when it plays the event.
extension ValidationWalk {
    func checkRevenueAction(_ action: ScenarioAction, field: String, near: ScenarioLocation?, when: Timestamp) throws(ScenarioError) {
        let period: BillingPeriod
        switch action {
        case .rollupInvoices(let p, _), .invoicePaid(_, let p), .invoiceVoid(_, let p): period = p
        default: return
        }
        guard when >= period.end else {
            throw error("\(field).period", near: near,
                        "\(period) has not ended at \(when); its invoices are rolled up from \(period.end) (the job runs at 03:00 on the 1st)")
        }
    }
}
