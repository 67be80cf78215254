import DigitalOcean
import MoneyAndTime

/// What `arcadia import do-invoice` did, per file in the order given. The engine returns it; the
/// CLI prints it.
public struct InvoiceImportReport: Sendable, Equatable {
    public var months: [Month]

    /// Whether the import wrote anything at all (false when every file was imported before as it is).
    public var changedLedger: Bool { months.contains(where: \.changedLedger) }

    public struct Month: Sendable, Equatable {
        public enum Action: Sendable, Equatable {
            /// The month was new to the ledger.
            case added
            /// An earlier import of the month had other lines; they were replaced.
            case replaced
            /// The same lines as the ledger's: nothing was written.
            case unchanged
            /// The month had been ingested from the API (invoice uuid); `--replace` replaced its lines.
            case replacedAPIInvoice(uuid: String)
        }

        public var file: String
        public var period: BillingPeriod
        public var action: Action
        /// Lines, match rate, unmatched lines with reasons, reconciliation, as the invoices job reports them.
        public var match: InvoiceMatchReport
        /// Lines per derived kind, in kind order.
        public var kinds: [(kind: CostKind, lines: Int)]
        /// Set with `--derive-usage`.
        public var derivedUsage: DerivedUsage?
        /// Derived records of replaced lines deleted because `--derive-usage` was not given.
        public var derivedRecordsRemoved: Int

        public var changedLedger: Bool {
            action != .unchanged || derivedUsage?.rewritten == true || derivedRecordsRemoved > 0
        }

        public static func == (lhs: Month, rhs: Month) -> Bool {
            lhs.file == rhs.file && lhs.period == rhs.period && lhs.action == rhs.action && lhs.match == rhs.match
                && lhs.kinds.map(\.kind) == rhs.kinds.map(\.kind) && lhs.kinds.map(\.lines) == rhs.kinds.map(\.lines)
                && lhs.derivedUsage == rhs.derivedUsage && lhs.derivedRecordsRemoved == rhs.derivedRecordsRemoved
        }
    }

    /// `--derive-usage`'s outcome for one month.
    public struct DerivedUsage: Sendable, Equatable {
        /// The month's derived records, by line, with each deployment's code.
        public var records: [(deployment: String, record: DerivedUsageRecord)]
        /// Lines that are not usage a billing kind measures.
        public var notUsage: [UsageDerivation.SkippedLine]
        /// Usage lines that belong to no deployment: listed, never guessed.
        public var unassigned: [UsageDerivation.SkippedLine]
        /// Whether the stored derived records changed.
        public var rewritten: Bool

        public static func == (lhs: DerivedUsage, rhs: DerivedUsage) -> Bool {
            lhs.records.map(\.deployment) == rhs.records.map(\.deployment) && lhs.records.map(\.record) == rhs.records.map(\.record)
                && lhs.notUsage == rhs.notUsage && lhs.unassigned == rhs.unassigned && lhs.rewritten == rhs.rewritten
        }
    }
}
