import ArcadiaCore
import DigitalOcean

/// The invoicing half of the revenue driver: price books into the ledger, and the month-end jobs.
extension RevenueDriver {
    /// The jobs `invoice(_:at:summary:)` fires (the simulator passes them here instead of eliding
    /// them: they read the ledger, not the fake, and a run is a few queries).
    static func invoices(_ job: JobID) -> Bool { job == .revenueRollup || job == .revenueIssue }

    /// Fires `revenue.rollup` (the month just ended) or `revenue.issue`.
    func invoice(_ job: JobID, at time: Timestamp, summary: inout RunSummary) throws(SimulationError) {
        try attempt(nil, "\(job.rawValue) at \(time)") {
            if job == .revenueRollup {
                summary.revenue.record(try invoicing.rollupPreviousMonth())
            } else {
                summary.revenue.record(try invoicing.issueDrafts())
            }
        }
    }

    func writePriceBooks(_ specs: [PriceBookSpec]) throws(SimulationError) {
        let store = PriceBookStore(ledger: invoicing.ledger)
        for spec in specs {
            try attempt(spec.location, "price book '\(spec.book.name)'") { _ = try store.write(spec.book, source: spec.source) }
        }
    }
}
