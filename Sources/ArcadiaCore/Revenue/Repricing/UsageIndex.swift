import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// Every usage record in memory, by deployment and start: `usage_for_period` (the same rule,
/// records whose period starts in `[from, to)`, summed exactly) without a query per window, for
/// pricing thousands of tenant-months at once. A window's metered records are its usage; only a
/// window the ledger metered nothing in takes the usage derived from imported invoice lines, so
/// the two are never added (`docs/history.md`).
struct UsageIndex: Sendable {
    struct Entry: Sendable {
        var start: Timestamp
        var kind: BillingKind
        var quantity: Decimal
    }

    /// Sorted by start.
    var metered: [Int64: [Entry]]
    var derived: [Int64: [Entry]]

    /// Read by column name: a derived record has no resource, which `UsageRecord` requires.
    static func load(_ db: Database) throws -> UsageIndex {
        var index = UsageIndex(metered: [:], derived: [:])
        let rows = try Row.fetchCursor(db, sql: """
            SELECT deployment_id, billing_kind, period_start, quantity, source FROM usage_records ORDER BY deployment_id, period_start, id
            """)
        while let row = try rows.next() {
            let deploymentID: Int64 = try row.decode(forColumn: "deployment_id")
            let entry = Entry(start: try row.decode(forColumn: "period_start"), kind: try row.decode(forColumn: "billing_kind"),
                              quantity: try row.decodeDecimalText(Column("quantity")))
            if try row.decode(forColumn: "source") as UsageRecordSource == .metered {
                index.metered[deploymentID, default: []].append(entry)
            } else {
                index.derived[deploymentID, default: []].append(entry)
            }
        }
        return index
    }

    func usage(deploymentID: Int64, from: Timestamp, to: Timestamp) -> [BillingKind: Decimal] {
        let metered = Self.sum(self.metered[deploymentID] ?? [], from: from, to: to)
        return metered.isEmpty ? Self.sum(derived[deploymentID] ?? [], from: from, to: to) : metered
    }

    private static func sum(_ entries: [Entry], from: Timestamp, to: Timestamp) -> [BillingKind: Decimal] {
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
