/// Where a drift finding stands. `open` and `ignored` findings are active (no `closed_at`); an
/// ignored finding is closed when its rule stops applying or the field matches again, and keeps
/// its status so the ledger still shows it was ignored and by which rule.
public enum DriftStatus: String, Sendable {
    /// A mismatch waiting for someone: the operator inbox.
    case open
    /// The live value was made the desired one.
    case accepted
    /// Someone says they put the live resource back; recorded only, nothing is changed live.
    case reverted
    /// The mismatch went away on its own (fixed elsewhere), or its resource went stale.
    case stale
    /// A mismatch an ignore rule covers: visible, but it opens no drift and fails nothing.
    case ignored
}
