import DigitalOcean
import GRDB

/// The one transaction body that makes parsed CSV lines an invoice's line set: each line's kind
/// derived, each matched to inventory, the set replaced (or left alone when unchanged) and the
/// match report built (usage derived from replaced lines is deleted with them). The invoices job (`CostIngestion.ingest`) and an export import
/// (`InvoiceImport`) both call it, so an imported month is stored, kinded and matched exactly as
/// an ingested one; each caller then updates its invoice header its own way.
enum InvoiceLineSet {
    struct Written {
        var report: InvoiceMatchReport
        /// The line set as stored, in CSV order.
        var lines: [CostLine]
        /// Usage records derived from the replaced lines (`--derive-usage`), deleted with them.
        var derivedRecordsRemoved: Int
    }

    static func write(_ db: Database, invoice: CloudInvoice, lines parsed: [InvoiceCSVLine], policy: MatchPolicy) throws -> Written {
        // An invoice names a handful of products over its thousand lines; each is kinded once.
        var kinds: [String: CostKind] = [:]
        var costKinds: [CostKind] = []
        for line in parsed where kinds[line.product] == nil {
            let kind = CostKind(product: line.product)
            kinds[line.product] = kind
            costKinds.append(kind)
        }
        let matcher = try CostLineMatcher(db, policy: policy, costKinds: costKinds, drawnAt: invoice.period.end)
        let invoiceRowID = invoice.id
        let lines = ConcurrentMap.map(parsed) { [kinds] parsedLine in
            let kind = kinds[parsedLine.product] ?? CostKind(product: parsedLine.product)
            let outcome = matcher.match(parsedLine, kind: kind)
            return (line: CostLine(parsedLine, invoiceRowID: invoiceRowID, kind: kind, outcome: outcome), outcome: outcome)
        }
        let costLines = lines.map(\.line)
        let rewritten = try CostLineStore.replace(db, invoiceRowID: invoice.id, invoiceUUID: invoice.invoiceUUID, with: costLines)
        // Records derived from lines that are no longer there, and their placements, would describe nothing.
        let removed = rewritten ? try DerivedUsageRecord.deleteAll(db, invoiceRowID: invoice.id) : 0
        if rewritten { try CostLinePlacement.deleteAll(db, invoiceRowID: invoice.id) }
        return Written(report: InvoiceMatchReport(invoice: invoice.header, lines: lines, linesRewritten: rewritten), lines: costLines,
                       derivedRecordsRemoved: removed)
    }
}
