import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// Every usage record in memory, by deployment and start: `usage_for_period` (the same rule,
/// records whose period starts in `[from, to)`, summed exactly) without a query per window, for
/// pricing thousands of tenant-months at once.
struct UsageIndex: Sendable {
    struct Entry: Sendable {
        var start: Timestamp
        var kind: BillingKind
        var quantity: Decimal
    }

    /// Sorted by start.
    var byDeployment: [Int64: [Entry]]

    static func load(_ db: Database) throws -> UsageIndex {
        var index: [Int64: [Entry]] = [:]
        let records = try UsageRecord.order(UsageRecord.Columns.deploymentID, UsageRecord.Columns.periodStart).fetchCursor(db)
        while let record = try records.next() {
            index[record.deploymentID, default: []].append(Entry(start: record.periodStart, kind: record.billingKind,
                                                                  quantity: record.quantity.decimal))
        }
        return UsageIndex(byDeployment: index)
    }

    func usage(deploymentID: Int64, from: Timestamp, to: Timestamp) -> [BillingKind: Decimal] {
        guard let entries = byDeployment[deploymentID] else { return [:] }
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].start < from { low = middle + 1 } else { high = middle }
        }
        var totals: [BillingKind: Decimal] = [:]
        var position = low
        while position < entries.count, entries[position].start < to {
            totals[entries[position].kind, default: 0] += entries[position].quantity
            position += 1
        }
        return totals
    }

    var source: UsageSource {
        UsageSource { deploymentID, from, to in usage(deploymentID: deploymentID, from: from, to: to) }
    }
}
