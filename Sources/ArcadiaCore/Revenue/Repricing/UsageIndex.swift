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

    /// A record derived from an invoice line, over the line's own start and end.
    struct Span: Sendable {
        var start: Timestamp
        var end: Timestamp
        var kind: BillingKind
        var quantity: UsageQuantity
    }

    /// Sorted by start.
    var metered: [Int64: [Entry]]
    var derived: [Int64: [Span]]

    /// Read by column name: a derived record has no resource, which `UsageRecord` requires.
    static func load(_ db: Database) throws -> UsageIndex {
        var index = UsageIndex(metered: [:], derived: [:])
        let rows = try Row.fetchCursor(db, sql: """
            SELECT deployment_id, billing_kind, period_start, period_end, quantity, source FROM usage_records ORDER BY deployment_id, period_start, id
            """)
        while let row = try rows.next() {
            let deploymentID: Int64 = try row.decode(forColumn: "deployment_id")
            if try row.decode(forColumn: "source") as UsageRecordSource == .metered {
                index.metered[deploymentID, default: []].append(Entry(start: try row.decode(forColumn: "period_start"),
                                                                      kind: try row.decode(forColumn: "billing_kind"),
                                                                      quantity: try row.decodeDecimalText(Column("quantity"))))
            } else {
                index.derived[deploymentID, default: []].append(Span(start: try row.decode(forColumn: "period_start"),
                                                                     end: try row.decode(forColumn: "period_end"),
                                                                     kind: try row.decode(forColumn: "billing_kind"),
                                                                     quantity: try row.decode(forColumn: "quantity")))
            }
        }
        return index
    }

    func usage(deploymentID: Int64, from: Timestamp, to: Timestamp) -> [BillingKind: Decimal] {
        let metered = Self.sum(self.metered[deploymentID] ?? [], from: from, to: to)
        return metered.isEmpty ? Self.spread(derived[deploymentID] ?? [], from: from, to: to) : metered
    }

    /// The derived records' usage in `[from, to)`. An invoice line covers its own start to end (a
    /// droplet created on the 10th starts there), and a window takes the part of each line that
    /// falls in it, the quantity spread evenly over the line's span: a plan change on the 15th
    /// splits the month's hours between the two plans' windows, and a subscription that starts
    /// mid-month gets the part of the line after its start. Shares are rounded by metering's
    /// cumulative rule (half up to millionths of the running total), so the shares of windows
    /// that tile a line add up to its quantity exactly. (A line of no length gives no record:
    /// derivation refuses it.)
    private static func spread(_ spans: [Span], from: Timestamp, to: Timestamp) -> [BillingKind: Decimal] {
        var totals: [BillingKind: Int128] = [:]
        for span in spans {
            guard span.start < to else { break }
            let low = max(from, span.start)
            let high = min(to, span.end)
            guard low < high else { continue }
            let length = Int128(span.end.seconds - span.start.seconds) * Int128(UsageQuantity.unitsPerOne)
            let quantity = Int128(span.quantity.millionths)
            let share = CumulativeRounding.millionths(quantity * Int128(high.seconds - span.start.seconds), over: length)
                - CumulativeRounding.millionths(quantity * Int128(low.seconds - span.start.seconds), over: length)
            totals[span.kind, default: 0] += Int128(share)
        }
        return totals.mapValues { UsageQuantity.decimal(millionths: $0) }
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
