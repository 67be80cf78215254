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
    public var message: String

    public init(_ invariant: Invariant, _ message: String) {
        self.invariant = invariant
        self.message = message
    }

    public var description: String { "\(invariant.rawValue): \(message)" }
}
