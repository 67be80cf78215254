/// Injected failures: the next `times` requests to a path (optionally one page of it) answer with
/// `status` instead of the real response. Faults are consumed in the order they were injected.
struct FaultPlan: Sendable {
    private struct Fault: Sendable {
        let path: String
        let page: Int?
        let status: Int
        var remaining: Int
    }

    private var faults: [Fault] = []

    mutating func add(path: String, page: Int?, status: Int, times: Int) {
        guard times > 0 else { return }
        faults.append(Fault(path: path, page: page, status: status, remaining: times))
    }

    /// The status to fail this request with, if a fault matches; consumes one use of it.
    /// A request without `page` is page 1, as DO treats it.
    mutating func take(path: String, page: Int) -> Int? {
        guard let index = faults.firstIndex(where: { $0.path == path && ($0.page == nil || $0.page == page) }) else { return nil }
        let status = faults[index].status
        faults[index].remaining -= 1
        if faults[index].remaining == 0 { faults.remove(at: index) }
        return status
    }
}
