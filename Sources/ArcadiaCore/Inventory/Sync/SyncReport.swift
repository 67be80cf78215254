/// What one run of a sync worker did: the engine's return value, printed only by the CLI.
public struct SyncReport: Sendable, Equatable {
    public var job: JobID
    /// False when a listing failed; then nothing was counted as missing.
    public var complete: Bool
    public var listed: Int
    public var pages: Int
    public var outcome: ReconcileOutcome
    public var attribution: AttributionOutcome
    /// Why the listing failed, naming the request; never contains the token.
    public var failures: [String]

    public init(job: JobID, complete: Bool = true, listed: Int = 0, pages: Int = 0, outcome: ReconcileOutcome = ReconcileOutcome(),
                attribution: AttributionOutcome = AttributionOutcome(), failures: [String] = []) {
        self.job = job
        self.complete = complete
        self.listed = listed
        self.pages = pages
        self.outcome = outcome
        self.attribution = attribution
        self.failures = failures
    }

    /// True when running the worker again against an unchanged provider would write nothing:
    /// the listing was complete and no resource is part-way to stale.
    public var isSettled: Bool { complete && outcome.pendingMisses == 0 && attribution.notYetSynced == 0 }
}
