import CoreTestSupport
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// Specs asked for before the inventory has their resource, and what the sweep's elision reads.
extension DriftEngineTests {
    func specs() throws -> [String] {
        try ledger.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT spec, spec_version, recorded_at FROM cloud_provisioned ORDER BY resource_id")
                .map { "\($0["spec"] as String) v\($0["spec_version"] as Int) \($0["recorded_at"] as String)" }
        }
    }

    func pendingCount() throws -> Int {
        try ledger.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cloud_pending_specs")! }
    }

    @Test func aSpecForAnInventoriedResourceIsRecordedAtOnce() throws {
        try list([InventoryFixtures.droplet(1, name: "web-1")], at: 0)
        #expect(try engine(at: 5).provision(kind: .droplet, providerID: "1", spec: ["size_slug": "s-1vcpu-1gb"]) == .recorded(version: 1))
        #expect(try specs() == [#"{"size_slug":"s-1vcpu-1gb"} v1 2026-04-01T00:05:00Z"#])
        #expect(try pendingCount() == 0)
    }

    @Test func aSpecWaitsForTheSyncThatListsItsResourceAndIsRecordedAtThatSyncsTime() throws {
        #expect(try engine(at: 1).provision(kind: .droplet, providerID: "1", spec: ["size_slug": "s-1vcpu-1gb"]) == .pending)
        // A later request for the same resource replaces the waiting one.
        #expect(try engine(at: 2).provision(kind: .droplet, providerID: "1", spec: ["size_slug": "s-2vcpu-4gb"]) == .pending)
        #expect(try engine(at: 10).recordPendingSpecs() == 0, "not inventoried yet: it keeps waiting")
        #expect(try specs().isEmpty && pendingCount() == 1)
        try list([InventoryFixtures.droplet(1, name: "web-1")], at: 15)
        #expect(try engine(at: 15).recordPendingSpecs() == 1)
        #expect(try specs() == [#"{"size_slug":"s-2vcpu-4gb"} v1 2026-04-01T00:15:00Z"#])
        #expect(try pendingCount() == 0)
        #expect(try engine(at: 30).recordPendingSpecs() == 0, "recorded once")
    }

    @Test func theSweepInputsMoveWithWhatTheSweepReadsAndNotWithTheBalance() throws {
        let rules = [IgnoreRule(id: "r", field: "size_slug", reason: "test", expires: t0 + 3_600)]
        let before = engine(at: 0).sweepInputs(rules: rules)
        try ledger.writer.write { db in
            try db.execute(sql: """
                INSERT INTO cloud_balance_snapshots (taken_at, month_to_date_balance_cents, account_balance_cents, month_to_date_usage_cents, generated_at)
                VALUES ('2026-04-01T00:07:00Z', 1, 1, 1, '2026-04-01T00:07:00Z')
                """)
        }
        #expect(engine(at: 7).sweepInputs(rules: rules) == before, "the balance is no input of the sweep")
        #expect(engine(at: 60).sweepInputs(rules: rules) != before, "a rule expired")
        try? ledger.writer.write { db in
            try db.execute(sql: "DELETE FROM cloud_drift")
            throw CancellationError()
        }
        #expect(engine(at: 7).sweepInputs(rules: rules) == before, "a write rolled back changed nothing")
        try list([InventoryFixtures.droplet(1, name: "web-1")], at: 15)
        let listed = engine(at: 15).sweepInputs(rules: rules)
        #expect(listed != before, "a resource event")
        #expect(try engine(at: 16).provision(kind: .droplet, providerID: "1", spec: ["size_slug": "s-2vcpu-4gb"]) == .recorded(version: 1))
        #expect(engine(at: 16).sweepInputs(rules: rules) != listed, "a spec")
    }
}
