/// What one complete listing changed in the ledger.
public struct ReconcileOutcome: Sendable, Equatable {
    public var created = 0
    public var changed = 0
    public var revived = 0
    /// Resources absent from this listing that were not yet stale.
    public var missed = 0
    public var markedStale = 0
    /// Resources that have missed one or two listings: the next identical listing would still
    /// change the ledger, so the state is not yet a fixed point.
    public var pendingMisses = 0
    public var eventsWritten = 0

    public init() {}

    /// Adds another listing's counts: one worker run that reconciles several kinds.
    public mutating func add(_ other: ReconcileOutcome) {
        created += other.created
        changed += other.changed
        revived += other.revived
        missed += other.missed
        markedStale += other.markedStale
        pendingMisses += other.pendingMisses
        eventsWritten += other.eventsWritten
    }

    /// True when nothing was written.
    public var isQuiet: Bool { created == 0 && changed == 0 && revived == 0 && missed == 0 && markedStale == 0 }
}
