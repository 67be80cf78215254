import Foundation
import Synchronization
import Testing
import TestSupport
@testable import arcadia

/// Two `serve --schedule` on one ledger each ran every job. The second now waits, saying so once,
/// until the first lets go (a restart overlapping the old process's shutdown grace).
struct SchedulerLockTests {
    @Test func aSecondSchedulerWaitsForTheFirst() async throws {
        let ledger = try RepoPaths.temporaryDirectory("scheduler-lock").appendingPathComponent("ledger.sqlite").path
        let first = try await SchedulerLock.acquire(beside: ledger) { Issue.record("the first waited: \($0)") }
        let said = Mutex<[String]>([])
        let acquired = Mutex(false)
        let second = Task {
            let lock = try await SchedulerLock.acquire(beside: ledger) { line in said.withLock { $0.append(line) } }
            acquired.withLock { $0 = true }
            lock.release()
        }
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(!acquired.withLock { $0 }, "the second waits while the first runs")
        #expect(said.withLock { $0 } == ["waiting: another arcadia serve --schedule runs on \(ledger); this one starts its jobs when that one stops"])
        first.release()
        try await second.value
        #expect(acquired.withLock { $0 })
        #expect(said.withLock { $0 }.count == 1, "said once")
    }
}
