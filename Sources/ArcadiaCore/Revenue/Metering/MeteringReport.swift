import DigitalOcean
import MoneyAndTime

/// What one metering run did.
public struct MeteringReport: Sendable, Equatable {
    /// The day metered (its midnight).
    public var day: Timestamp
    /// Records written, and records that were already there (a re-run writes none).
    public var written = 0
    public var alreadyRecorded = 0
    /// Records deleted because their kind's retention period had passed.
    public var pruned = 0
    /// Resources that could not be metered that day, each with why: `snapshot:nightly (77): no size_gigabytes …`.
    public var skipped: [String] = []
    /// Resources left unmetered for a day because whether they still existed was not yet known
    /// (`MeteringDeferral`); a later run meters them.
    public var deferred = 0

    public init(day: Timestamp) { self.day = day }
}
