import Foundation

/// Runs `body` over `items` with at most `limit` at a time and returns the results in the items'
/// order, whatever order they finish in: that is what keeps a parallel run's report identical to
/// a serial one. Items start in `startOrder` (indices into `items`; default: their own order), so
/// a caller can start the longest first and no long item is left running alone at the end. Each of the `limit` workers is a thread of its own (a task executor), not the
/// shared cooperative pool: a scenario plays for seconds without suspending, and on the pool it
/// would hold a thread everything else in the process (an HTTP server, say) needs.
func boundedMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, startOrder: [Int]? = nil, _ body: @escaping @Sendable (Item) async -> Result
) async -> [Result] {
    let order = startOrder ?? Array(items.indices)
    precondition(order.sorted() == Array(items.indices), "startOrder must name every item once")
    let workers = (0..<min(max(1, limit), max(items.count, 1))).map { _ in ThreadExecutor() }
    defer { workers.forEach { $0.stop() } }
    return await withTaskGroup(of: (Int, Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: items.count)
        var next = 0
        func start(on worker: Int) {
            let index = order[next]
            next += 1
            group.addTask(executorPreference: workers[worker]) { (index, worker, await body(items[index])) }
        }
        for worker in workers.indices where next < items.count { start(on: worker) }
        while let (index, worker, result) = await group.next() {
            results[index] = result
            if next < items.count { start(on: worker) }
        }
        return results.map { $0! }
    }
}

/// One thread that runs, in order, the jobs of the tasks that prefer it.
final class ThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init() {
        Thread { [self] in run() }.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Ends the thread once its queued jobs have run.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            guard !jobs.isEmpty else {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
