import DigitalOcean
import Foundation
import MoneyAndTime

/// `/v2/customers/my/...`: balance, billing history, invoices, their items, summary and CSV.
/// What depends on `now` (balance, anything about the open month's preview) is never cached;
/// issued invoices and the history change only with the world's revision.
extension FakeRouter {
    /// A month whose amounts overflow integer cents (`BillingAccount.unbillableMonth`) makes every
    /// billing endpoint a 500 naming it, as does an open month that overflows on the way.
    mutating func billing(_ request: APIRequest, _ path: [String], world: FakeWorld, csvFaults: inout CSVFaultPlan) -> Outcome {
        guard world.billing.unbillableMonth == nil else { return unbillable(world) }
        do {
            return try billingAnswer(request, path, world: world, csvFaults: &csvFaults)
        } catch {
            return unbillable(world)
        }
    }

    private func unbillable(_ world: FakeWorld) -> Outcome {
        let month = world.billing.unbillableMonth ?? world.billing.openMonth
        return .failure(status: 500, message: "the fake cannot bill \(month.period): its amounts do not fit in integer cents")
    }

    private mutating func billingAnswer(_ request: APIRequest, _ path: [String], world: FakeWorld,
                                        csvFaults: inout CSVFaultPlan) throws(MoneyOverflow) -> Outcome {
        let billing = world.billing
        switch (path.count, path[0]) {
        case (1, "balance"):
            return .timeDependent(encode(try billing.balance(at: world.now, history: world.history)))
        case (1, "billing_history"):
            let entries = billing.visibleEntries
            return list(request, key: "billing_history", total: entries.count) { range, router in
                entries[entries.startIndex + range.lowerBound..<entries.startIndex + range.upperBound].map { router.encode($0.model) }
            }
        case (1, "invoices"):
            let newestFirst = Array(billing.invoices.reversed())
            let preview = try billing.previewListModel(at: world.now, history: world.history)
            let outcome = list(request, key: "invoices", total: newestFirst.count, extras: [("invoice_preview", encode(preview))]) { range, router in
                newestFirst[range].map { router.encode($0.listModel(updatedAt: nil)) }
            }
            return timeDependent(outcome)
        case (2...3, "invoices"):
            guard let (invoice, isPreview) = try billing.invoice(uuid: path[1], at: world.now, history: world.history) else {
                return .failure(status: 404, message: nil)
            }
            let outcome: Outcome
            switch path.count == 2 ? nil : path[2] {
            case nil:
                let items = invoice.itemModels
                outcome = list(request, key: "invoice_items", total: items.count) { range, router in items[range].map { router.encode($0) } }
            case "summary":
                outcome = .body(encode(try invoice.summaryModel()))
            case "csv":
                let csv = InvoiceCSV.render(invoice.lines, columns: billing.csvColumns, corruption: csvFaults.take(uuid: invoice.uuid))
                return .csv(csv, filename: invoice.csvFilename)
            default:
                return .failure(status: 404, message: nil)
            }
            return isPreview ? timeDependent(outcome) : outcome
        default:
            return .failure(status: 404, message: nil)
        }
    }

    private func timeDependent(_ outcome: Outcome) -> Outcome {
        guard case .body(let body) = outcome else { return outcome }
        return .timeDependent(body)
    }
}
