import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime
import Testing
import TestSupport
@testable import ArcadiaCore

/// The service's ledger (`Ledger(path:shared:)`) beside another connection to the same file, as
/// another process (a CLI command reading the ledger) opens it.
@Suite(.timeLimit(.minutes(2))) struct SharedLedgerTests {
    static func tenants(_ db: Database) throws -> Int { try Tenant.fetchCount(db) }

    @Test func theServiceCommitsWhileAnotherProcessIsReadingAndTheReaderKeepsItsSnapshot() throws {
        let path = try RepoPaths.temporaryDirectory("shared-ledger").appendingPathComponent("ledger.sqlite").path
        let service = try Ledger(path: path, shared: true)
        let tenancy = TenancyEngine(ledger: service, clock: .fixed(Timestamp(year: 2026, month: 4, day: 1)))
        try tenancy.addTenant(code: "acme", name: "Acme", country: "AU")
        // The other process: its own connection, as `arcadia sync` or an export opens the file.
        var configuration = Configuration()
        configuration.busyMode = .timeout(Ledger.busyTimeout)
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        let started = Date()
        let seen = try reader.read { db in
            let before = try Self.tenants(db)
            // A write while the reader's transaction is open: with a rollback journal it would wait
            // for the reader (which waits for it) until the busy timeout, then fail.
            try tenancy.addTenant(code: "globex", name: "Globex", country: "US")
            return (before, try Self.tenants(db))
        }
        #expect(Date().timeIntervalSince(started) < Ledger.busyTimeout, "the write did not wait for the reader")
        #expect(seen.0 == 1 && seen.1 == 1, "the reader's transaction sees one snapshot throughout")
        #expect(try reader.read(Self.tenants) == 2, "a new read sees the commit")
        #expect(try reader.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal", "the file keeps WAL for every process")
    }

    @Test func aPlainLedgerIsUnchanged() throws {
        let path = try RepoPaths.temporaryDirectory("plain-ledger").appendingPathComponent("ledger.sqlite").path
        let ledger = try Ledger(path: path)
        #expect(try ledger.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
    }
}
