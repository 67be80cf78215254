import DigitalOcean
import MoneyAndTime

/// The rule that tells "destroyed before the first sync saw it" from "no such resource".
///
/// A sync worker lists its kind every `syncWindow` seconds, so anything that existed for at least
/// one whole window was listed at least once. For a line with no resource of its (kind, name) in
/// the ledger, the reason is `destroyedBeforeFirstSync` when either
/// 1. the line covers less than the kind's sync window (`end − start < window`): it may have
///    lived entirely between two listings; or
/// 2. the line ended before the kind's earliest `first_seen_at` in the ledger: it was gone before
///    inventory of that kind began;
/// and `noSuchResource` otherwise. A kind the ledger holds no resource of at all never satisfies
/// rule 2: with no evidence that its worker ever ran, saying "destroyed" would be a guess.
///
/// The windows mirror the production cadences in DESIGN.md (inventory every 15 min, snapshots
/// hourly); they are a value rather than a lookup into the job table so tests can vary them.
public struct MatchPolicy: Sendable, Equatable {
    /// Seconds between two listings of a kind without an entry in `windows`.
    public var defaultSyncWindow: Int64
    public var windows: [ResourceKind: Int64]

    public init(defaultSyncWindow: Int64, windows: [ResourceKind: Int64] = [:]) {
        self.defaultSyncWindow = defaultSyncWindow
        self.windows = windows
    }

    /// 15 minutes for every kind, an hour for snapshots (synced hourly at :33).
    public static let production = MatchPolicy(defaultSyncWindow: 15 * 60, windows: [.snapshot: 60 * 60])

    public func syncWindow(for kind: ResourceKind) -> Int64 { windows[kind] ?? defaultSyncWindow }

    /// Rule 1 and rule 2 above for a line of `kind` covering `start...end`, given the earliest
    /// `first_seen_at` of that kind (nil when the ledger holds none).
    func destroyedBeforeFirstSync(kind: ResourceKind, start: Timestamp, end: Timestamp, earliestFirstSeen: Timestamp?) -> Bool {
        if end - start < syncWindow(for: kind) { return true }
        guard let earliestFirstSeen else { return false }
        return end < earliestFirstSeen
    }
}
