import ArcadiaCore
import DigitalOcean
import GRDB

/// A timeline event that is something an operator asks the platform to do (not a change in
/// DigitalOcean's world): it calls the same engine entry point the service would.
enum OperatorAction {
    case reingestInvoice(period: String)
    case meterUsage(day: Timestamp)

    init?(_ action: ScenarioAction) {
        switch action {
        case .reingestInvoice(let period): self = .reingestInvoice(period: period)
        case .meterUsage(let day): self = .meterUsage(day: day)
        default: return nil
        }
    }

    func perform(with runner: JobRunner, at event: TimelineEvent) async throws(SimulationError) {
        switch self {
        case .reingestInvoice(let period):
            let uuid: String?
            do {
                uuid = try await runner.costs.ledger.writer.read { db in
                    try String.fetchOne(db, sql: "SELECT invoice_uuid FROM cloud_invoices WHERE period = ? ORDER BY invoice_uuid LIMIT 1",
                                        arguments: [period])
                }
            } catch {
                throw SimulationError(location: event.location, message: "reingest_invoice: cannot read the ledger: \(error)")
            }
            guard let uuid else {
                throw SimulationError(location: event.location,
                                      message: "reingest_invoice: no \(period) invoice is in the ledger at \(event.at); the invoices job discovers it at 02:23 on the 1st")
            }
            // A failed re-ingest is recorded on the invoice (and leaves its lines as they were),
            // which is what the ledger must show; it does not stop the scenario.
            _ = try? await runner.costs.ingest(invoiceUUID: uuid)
        case .meterUsage(let day):
            do {
                _ = try runner.metering.meter(day: day)
            } catch {
                throw SimulationError(location: event.location, message: "meter_usage: \(error)")
            }
        }
    }
}
