/// Pending `corruptNextCSV` requests by invoice uuid, each spoiling one successful download of
/// that invoice's CSV, in the order they were asked for.
struct CSVFaultPlan: Sendable {
    private var pending: [String: [CSVCorruption]] = [:]

    mutating func add(uuid: String, _ corruption: CSVCorruption) {
        pending[uuid, default: []].append(corruption)
    }

    mutating func take(uuid: String) -> CSVCorruption? {
        guard var queue = pending[uuid], !queue.isEmpty else { return nil }
        let corruption = queue.removeFirst()
        pending[uuid] = queue.isEmpty ? nil : queue
        return corruption
    }
}
