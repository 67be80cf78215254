/// Injected failures: the next `times` requests to a path (optionally one page of it) go wrong
/// instead of getting the real response. Faults are consumed in the order they were injected.
struct FaultPlan: Sendable {
    private struct Fault: Sendable {
        let path: String
        let page: Int?
        let action: FaultAction
        var remaining: Int
    }

    private var faults: [Fault] = []

    /// The faults still armed, in the order they will be taken.
    var pending: [PendingFault] {
        faults.map { PendingFault(path: $0.path, page: $0.page, action: $0.action, remaining: $0.remaining) }
    }

    mutating func add(path: String, page: Int?, action: FaultAction, times: Int) {
        guard times > 0 else { return }
        faults.append(Fault(path: path, page: page, action: action, remaining: times))
    }

    /// What to do to this request, if a fault matches; consumes one use of it.
    /// A request without `page` is page 1, as DO treats it.
    mutating func take(path: String, page: Int) -> FaultAction? {
        guard let index = faults.firstIndex(where: { $0.path == path && ($0.page == nil || $0.page == page) }) else { return nil }
        let action = faults[index].action
        faults[index].remaining -= 1
        if faults[index].remaining == 0 { faults.remove(at: index) }
        return action
    }
}

/// A fault not yet used up: the next `remaining` requests to `path` (page `page`, or any) get `action`.
public struct PendingFault: Sendable, Equatable {
    public let path: String
    public let page: Int?
    public let action: FaultAction
    public let remaining: Int
}

/// How an injected fault spoils a request: an error status with DO's error body, or a `200` whose
/// body is broken, as a misbehaving proxy or a dropped connection serves it (not retried: the
/// status says success; the client's decoding must catch it).
public enum FaultAction: Sendable, Equatable {
    case status(Int)
    /// The real body cut in half.
    case truncatedBody
    /// An HTML error page where JSON was expected.
    case notJSONBody
    /// The page is served as it is, then the world changes before the next request: the
    /// listing shifts under a client that is walking its pages.
    case shiftAfterServing(ListingShift)
}

/// A change that lands between two pages of a listing: a droplet vanishes (every later item moves
/// up one place, so the first item of the next page is never shown) or appears (at the end).
public enum ListingShift: Sendable, Equatable {
    case destroyDroplet(name: String)
    case createDroplet(name: String, size: String, region: String)
}
