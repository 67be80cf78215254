import DigitalOcean
import MoneyAndTime
/// What ingesting one invoice found: how many lines match inventory, why the others do not, and
/// whether the lines add up to the invoice.
public struct InvoiceMatchReport: Sendable, Equatable {
    public var invoice: InvoiceHeader
    public var rate: MatchRate
    /// Unmatched lines in CSV order.
    public var unmatched: [UnmatchedLine]
    /// Σ of the lines' cents.
    public var lineSumCents: Int64
    /// Set when the reconciliation invariant (Σ line cents == invoice amount cents) is violated.
    public var reconciliationFinding: ReconciliationFinding?
    /// Whether this ingest changed the stored line set (false on an idempotent re-ingest).
    public var linesRewritten: Bool

    /// An unmatched line and its reason.
    public struct UnmatchedLine: Sendable, Equatable {
        public var lineNo: Int
        public var kind: CostKind
        public var description: String
        public var amountCents: Int64
        public var reason: UnmatchedReason
    }

    init(invoice: InvoiceHeader, lines: [(line: CostLine, outcome: CostLineMatcher.Outcome)], linesRewritten: Bool) {
        self.invoice = invoice
        self.linesRewritten = linesRewritten
        unmatched = lines.compactMap { line, outcome in
            guard case .unmatched(let reason) = outcome else { return nil }
            return UnmatchedLine(lineNo: line.lineNo, kind: line.kind, description: line.description,
                                 amountCents: line.amountCents, reason: reason)
        }
        rate = MatchRate(matched: lines.count - unmatched.count, total: lines.count)
        // At most `InvoiceCSV.maximumRows` lines of at most `Money.largest` each: within 10¹⁷.
        lineSumCents = lines.reduce(0) { $0 + $1.line.amountCents }
        reconciliationFinding = lineSumCents == invoice.amountCents
            ? nil : ReconciliationFinding(invoiceAmountCents: invoice.amountCents, lineSumCents: lineSumCents)
    }
}

/// The lines of an invoice do not add up to its amount. Reported, never thrown: the lines are
/// still DO's data and worth keeping, but someone must look.
public struct ReconciliationFinding: Sendable, Equatable, CustomStringConvertible {
    public var invoiceAmountCents: Int64
    public var lineSumCents: Int64
    /// Lines minus invoice.
    public var differenceCents: Int64 { lineSumCents - invoiceAmountCents }

    public var description: String {
        "lines sum to \(Money(cents: Int(lineSumCents)).csvString) but the invoice amount is \(Money(cents: Int(invoiceAmountCents)).csvString)"
            + " (difference \(Money(cents: Int(differenceCents)).csvString))"
    }
}
