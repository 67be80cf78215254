/// Runs `body` over `items` with at most `limit` at a time and returns the results in the items'
/// order, whatever order they finish in: that is what keeps a parallel run's report identical to
/// a serial one.
func boundedMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async -> Result
) async -> [Result] {
    await withTaskGroup(of: (Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: items.count)
        var next = 0
        func start() {
            let index = next
            next += 1
            group.addTask { (index, await body(items[index])) }
        }
        while next < min(max(1, limit), items.count) { start() }
        while let (index, result) = await group.next() {
            results[index] = result
            if next < items.count { start() }
        }
        return results.map { $0! }
    }
}
