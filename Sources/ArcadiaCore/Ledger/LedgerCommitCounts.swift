import GRDB
import Synchronization

/// Counts the commits that changed some tables of a ledger, from the first time they are asked
/// for: two equal counts mean no commit touched those tables in between. The simulator's elision
/// asks before every virtual hour's drift sweep (`DriftSweepInputs`), where a load replaces a
/// query over four tables. Commits made through this ledger's writer only: another process
/// writing the same file is not seen, so only the simulator, which alone writes its ledger,
/// elides by it.
final class LedgerCommitCounts: Sendable {
    private let observers = Mutex<[[String]: TableCommitObserver]>([:])

    func commits(changing tables: [String], in writer: any DatabaseWriter) -> Int {
        let observer = observers.withLock { observers in
            if let observer = observers[tables] { return observer }
            let observer = TableCommitObserver(tables: tables)
            observers[tables] = observer
            return observer
        }
        // Attached under the observer's own lock, not the dictionary's (attaching waits for the
        // writer's queue), so no caller reads a count before the observer sees every commit.
        observer.attached.withLock { attached in
            guard !attached else { return }
            writer.unsafeReentrantWrite { $0.add(transactionObserver: observer, extent: .observerLifetime) }
            attached = true
        }
        return observer.commits.load(ordering: .relaxed)
    }
}

/// GRDB's `DatabaseRegionObservation` does this too, but works out a region for every statement
/// it is asked about; this one compares table names, for every write of the ledger asks.
private final class TableCommitObserver: TransactionObserver, Sendable {
    let tables: [String]
    let commits = Atomic<Int>(0)
    let attached = Mutex(false)
    private let changed = Atomic<Bool>(false)

    init(tables: [String]) {
        self.tables = tables
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        switch eventKind {
        case .insert(let table), .delete(let table), .update(let table, _): tables.contains(table)
        }
    }

    func databaseDidChange(with event: DatabaseEvent) {
        changed.store(true, ordering: .relaxed)
        stopObservingDatabaseChangesUntilNextTransaction()
    }

    func databaseDidCommit(_ db: Database) {
        if changed.exchange(false, ordering: .relaxed) { commits.add(1, ordering: .relaxed) }
    }

    func databaseDidRollback(_ db: Database) {
        changed.store(false, ordering: .relaxed)
    }
}

extension Ledger {
    /// Commits through this ledger that changed any of `tables` since the first call for them.
    func commits(changing tables: [String]) -> Int {
        commitCounts.commits(changing: tables, in: writer)
    }
}
