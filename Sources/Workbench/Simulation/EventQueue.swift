import ArcadiaCore
import DigitalOcean
import HeapModule
import MoneyAndTime

/// What the simulator does next, ordered by the documented tie rule: earlier time first; at the
/// same instant every timeline (world) event before any job, so a sync at 10:15 sees a resize
/// made at 10:15; timeline events in scenario order; jobs in job-table order.
struct QueueEntry: Comparable {
    enum Source: Comparable {
        /// Index into the scenario's (already time-sorted) timeline.
        case timeline(Int)
        /// Index into the job table.
        case job(Int)
    }

    var at: Timestamp
    var source: Source

    static func < (lhs: QueueEntry, rhs: QueueEntry) -> Bool {
        (lhs.at, lhs.source) < (rhs.at, rhs.source)
    }
}

/// A min-heap of pending work. Entries are plain values, so popping one and pushing the job's next
/// firing reuses the heap's storage: the loop allocates nothing per tick.
struct EventQueue {
    private var heap = Heap<QueueEntry>()

    init(timeline: [TimelineEvent], jobs: [ScheduledJob], start: Timestamp) {
        heap.reserveCapacity(timeline.count + jobs.count)
        for (index, event) in timeline.enumerated() {
            heap.insert(QueueEntry(at: event.at, source: .timeline(index)))
        }
        for (index, job) in jobs.enumerated() {
            heap.insert(QueueEntry(at: job.schedule.firstFiring(atOrAfter: start), source: .job(index)))
        }
    }

    mutating func popNext() -> QueueEntry? { heap.popMin() }

    mutating func push(_ entry: QueueEntry) { heap.insert(entry) }
}
