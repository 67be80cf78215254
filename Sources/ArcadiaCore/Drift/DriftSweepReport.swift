/// What one drift sweep wrote: the engine's return value, printed only by callers that print.
public struct DriftSweepReport: Sendable, Equatable {
    public var resourcesChecked = 0
    /// New open drifts, and open drifts whose desired or live value moved (each logs `drift_detected`).
    public var opened = 0
    public var updated = 0
    /// New `ignored` findings, and ignored findings closed (rule expired or no longer selecting).
    public var ignored = 0
    public var ignoresEnded = 0
    /// Open drifts closed `stale`: the field matches again, left the spec, or the resource went stale.
    public var closedStale = 0
    public var eventsWritten = 0

    public init() {}

    /// True when the sweep wrote nothing.
    public var isQuiet: Bool { opened == 0 && updated == 0 && ignored == 0 && ignoresEnded == 0 && closedStale == 0 }
}
