import ArcadiaCore

/// What the revenue jobs and events of a run did, for the console summary.
public struct RevenueCounts: Sendable, Equatable {
    public var rollups = 0
    public var invoicesCreated = 0
    public var invoicesRebuilt = 0
    public var invoicesIssued = 0
    /// Rollup outcomes worth reading: skips, refusals, tenants that failed, and invariant findings.
    public var messages: [String] = []

    public init() {}

    public var isEmpty: Bool { self == RevenueCounts() }

    mutating func record(_ report: RollupReport) {
        rollups += 1
        if let failure = report.failure { messages.append("\(report.period): \(failure)") }
        for tenant in report.tenants {
            switch tenant.outcome {
            case .created: invoicesCreated += 1
            case .rebuilt: invoicesRebuilt += 1
            case .skipped, .refused, .failed, .voidedDraft: messages.append("\(report.period) \(tenant.tenant): \(tenant.outcome)")
            case .nothingToBill: break
            }
            messages += tenant.findings
        }
    }

    mutating func record(_ report: IssueReport) {
        invoicesIssued += report.issued.count
        // A draft held back is found again by every daily run; say it once.
        messages += report.findings.filter { !messages.contains($0) }
    }
}
