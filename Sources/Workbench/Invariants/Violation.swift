/// An invariant that did not hold: which one, and what was seen. The fuzzer shrinks a scenario
/// while a violation of the same invariant persists.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
    public enum Invariant: String, Sendable, CaseIterable {
        case staleWhileExisting = "stale-while-existing"
        case duplicateRows = "duplicate-rows"
        case cloudInvoiceSum = "cloud-invoice-sum"
        case tenantInvoiceQuote = "tenant-invoice-quote"
        case rerunWritesNothing = "rerun-writes-nothing"
        case meteredHours = "metered-hours"
        case determinism
        /// A generated (valid) scenario that the simulator could not play to its end.
        case plays
    }

    public var invariant: Invariant
    /// What it is about when one invariant has several independent causes (the job a re-run
    /// changed): the shrinker keeps the cause, not just the invariant.
    public var subject: String?
    public var message: String

    public init(_ invariant: Invariant, subject: String? = nil, _ message: String) {
        self.invariant = invariant
        self.subject = subject
        self.message = message
    }

    /// The same failure in a smaller scenario: the same invariant, about the same subject.
    public func isLike(_ other: Violation) -> Bool { invariant == other.invariant && subject == other.subject }

    /// `rerun-writes-nothing-sync-droplets`: names a finding's file and its scenario, so it is
    /// written as a scenario name may be (a job's dot becomes a dash).
    public var slug: String { (invariant.rawValue + (subject.map { "-\($0)" } ?? "")).replacingOccurrences(of: ".", with: "-") }

    public var description: String { "\(invariant.rawValue): \(message)" }
}
