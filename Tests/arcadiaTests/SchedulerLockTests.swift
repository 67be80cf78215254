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
        #expect(said.withLock { $0 } == ["waiting: another arcadia serve --schedule runs on \(ledger); this one starts (API and jobs) when that one stops"])
        first.release()
        try await second.value
        #expect(acquired.withLock { $0 })
        #expect(said.withLock { $0 }.count == 1, "said once")
    }

    /// The same ledger named through a symbolic link took a lock of its own, and both schedulers ran.
    @Test func aSymbolicLinkToTheLedgerIsTheSameLock() async throws {
        let folder = try RepoPaths.temporaryDirectory("scheduler-lock-link")
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        #expect(FileManager.default.createFile(atPath: ledger, contents: Data()))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("alt"), withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("alt/link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "../ledger.sqlite")
        let first = try await SchedulerLock.acquire(beside: ledger) { Issue.record("the first waited: \($0)") }
        let said = Mutex(false)
        let second = Task { try await SchedulerLock.acquire(beside: link) { _ in said.withLock { $0 = true } }.release() }
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(said.withLock { $0 }, "the link waits for the ledger's scheduler")
        first.release()
        try await second.value
    }
}
