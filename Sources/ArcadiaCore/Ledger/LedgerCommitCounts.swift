import GRDB
import Synchronization

/// Counts the commits that changed some tables of a ledger, from the first time they are asked
/// for: two equal counts mean no commit touched those tables in between. The simulator's elision
/// asks before every virtual hour's drift sweep (`DriftSweepInputs`), where a load replaces a
/// query over four tables. Commits made through this ledger's writer only: another process
/// writing the same file is not seen, so only the simulator, which alone writes its ledger,
/// elides by it.
final class LedgerCommitCounts: Sendable {
    private final class Counter: Sendable {
        let commits = Atomic<Int>(0)
        let observation = Mutex<AnyDatabaseCancellable?>(nil)
    }

    private let counters = Mutex<[[String]: Counter]>([:])

    func commits(changing tables: [String], in writer: any DatabaseWriter) -> Int {
        let counter = counters.withLock { counters in
            if let counter = counters[tables] { return counter }
            let counter = Counter()
            counters[tables] = counter
            return counter
        }
        // Started outside the dictionary's lock: starting waits for the writer's queue, where a
        // commit's `onChange` only touches the atomic.
        counter.observation.withLock { observation in
            guard observation == nil else { return }
            observation = DatabaseRegionObservation(tracking: tables.map { Table($0) })
                .start(in: writer, onError: { _ in preconditionFailure("a table region needs no query to observe") },
                       onChange: { _ in counter.commits.add(1, ordering: .relaxed) })
        }
        return counter.commits.load(ordering: .relaxed)
    }
}

extension Ledger {
    /// Commits through this ledger that changed any of `tables` since the first call for them.
    func commits(changing tables: [String]) -> Int {
        commitCounts.commits(changing: tables, in: writer)
    }
}
