/// Where a usage record came from (`usage_records.source`). Every query that prices or reports
/// usage sums metered records only unless it asks for more (`UsageRecordStore.usage(…, sources:)`),
/// so a month imported with `--derive-usage` is never added to what metering recorded for the
/// same days.
public enum UsageRecordSource: String, Sendable, CaseIterable, Comparable {
    /// Written by metering from what the sync observed (granularity `daily` or `hourly`).
    case metered
    /// Derived from an imported invoice line (granularity `invoice`, spanning the line's start and end).
    case doInvoice = "do_invoice"

    public static func < (lhs: UsageRecordSource, rhs: UsageRecordSource) -> Bool { lhs.rawValue < rhs.rawValue }
}
