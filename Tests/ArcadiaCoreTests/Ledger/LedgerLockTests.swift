import Foundation
import GRDB
import Testing
@testable import ArcadiaCore

/// A file ledger shared with another process (`arcadia sync` writing while `arcadia serve` reads)
/// must wait for that process's lock instead of failing at once.
struct LedgerLockTests {
    @Test func aFileLedgerWaitsForAnotherConnectionsWriteLock() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-lock-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ledger = try Ledger(path: path)
        // A second, independent connection stands in for the other process.
        let other = try DatabaseQueue(path: path)
        let locked = AsyncStream<Void>.makeStream()
        let holder = Task.detached {
            try other.inDatabase { db in
                try db.execute(sql: "BEGIN EXCLUSIVE")
                locked.continuation.yield()
                Thread.sleep(forTimeInterval: 0.5)
                try db.execute(sql: "INSERT INTO tenants (code, name, country) VALUES ('acme', 'Acme', 'AU')")
                try db.execute(sql: "COMMIT")
            }
        }
        for await _ in locked.stream { break }
        // Without a busy timeout this read fails at once with SQLITE_BUSY; with one it waits for
        // the commit and sees the other connection's row.
        let codes = try await ledger.writer.read { db in try String.fetchAll(db, sql: "SELECT code FROM tenants") }
        try await holder.value
        #expect(codes == ["acme"])
    }
}
