import ArcadiaCore
import DigitalOcean

/// Plays the revenue side of a scenario through the real engines: the scenario's price books
/// are written to the ledger before the clock starts; `revenue.rollup` and `revenue.issue` fire
/// from the job table like every other job; `rollup_invoices`, `invoice_paid` and `invoice_void`
/// call `TenantInvoicing` as an operator (or the payment system) would.
struct RevenueDriver {
    let runner: JobRunner

    init(_ scenario: Scenario, runner: JobRunner) throws(SimulationError) {
        self.runner = runner
        let store = PriceBookStore(ledger: runner.revenue.ledger)
        for spec in scenario.priceBooks {
            do {
                _ = try store.write(spec.book, source: spec.source)
            } catch {
                throw SimulationError(location: spec.location, message: "price book '\(spec.book.name)': \(error)")
            }
        }
    }

    /// The jobs this driver fires (the simulator passes them here instead of eliding them: they
    /// read the ledger, not the fake, and a run is a few queries).
    static func plays(_ job: JobID) -> Bool { job == .revenueRollup || job == .revenueIssue }

    func run(_ job: JobID, at time: Timestamp, summary: inout RunSummary) async throws(SimulationError) {
        let outcome: JobOutcome
        do {
            outcome = try await runner.run(job)
        } catch {
            throw SimulationError(location: nil, message: "\(job.rawValue) at \(time) could not write the ledger: \(error)")
        }
        record(outcome, in: &summary)
    }

    /// Plays a revenue timeline event; other events are not its business.
    func apply(_ event: TimelineEvent, summary: inout RunSummary) throws(SimulationError) {
        let engine = runner.revenue
        do {
            switch event.action {
            case .rollupInvoices(let period, let force):
                record(.rollup(try engine.rollup(period: period, force: force)), in: &summary)
            case .invoicePaid(let tenant, let period):
                _ = try engine.markPaid(tenant: tenant, period: period)
            case .invoiceVoid(let tenant, let period):
                _ = try engine.void(tenant: tenant, period: period)
            default:
                return
            }
        } catch {
            throw SimulationError(location: event.location, message: "\(event.action.kind.rawValue): \(error)")
        }
    }

    private func record(_ outcome: JobOutcome, in summary: inout RunSummary) {
        switch outcome {
        case .rollup(let report): summary.revenue.record(report)
        case .issue(let report): summary.revenue.record(report)
        case .sync, .balance, .invoices, .drift: summary.record(outcome)
        }
    }
}
