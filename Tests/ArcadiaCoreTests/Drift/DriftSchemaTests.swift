import CoreTestSupport
import DigitalOcean
import GRDB
import Testing
@testable import ArcadiaCore

/// What the schema itself enforces, independent of the engine's code.
@Suite struct DriftSchemaTests {
    let ledger = try! Ledger()

    init() throws {
        try ledger.writer.write { db in
            _ = try InventoryStore.reconcile(db, kind: .droplet, observed: [InventoryFixtures.droplet(1, name: "web-1")],
                                             at: InventoryFixtures.t0)
        }
    }

    func insert(_ db: Database, status: String, closedAt: String? = nil, rule: String? = nil) throws {
        try db.execute(sql: """
            INSERT INTO cloud_drift (resource_id, field, desired, live, status, opened_at, closed_at, ignore_rule)
            VALUES (1, 'size_slug', '"a"', '"b"', ?, '2026-04-01T00:20:00Z', ?, ?)
            """, arguments: [status, closedAt, rule])
    }

    @Test func aSecondOpenDriftOnTheSameFieldIsRefusedByTheIndex() throws {
        try ledger.writer.write { try insert($0, status: "open") }
        #expect(throws: DatabaseError.self) {
            try ledger.writer.write { try insert($0, status: "open") }
        }
        let indexSQL = try ledger.writer.read {
            try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'cloud_drift_one_active'")
        }
        #expect(indexSQL?.contains("WHERE closed_at IS NULL") == true, "a partial unique index, not only code")
    }

    @Test func anActiveIgnoredFindingAlsoBlocksASecondActiveOne() throws {
        try ledger.writer.write { try insert($0, status: "ignored", rule: "r") }
        #expect(throws: DatabaseError.self) {
            try ledger.writer.write { try insert($0, status: "open") }
        }
    }

    @Test func closedFindingsDoNotCountAgainstTheIndex() throws {
        try ledger.writer.write { db in
            try insert(db, status: "stale", closedAt: "2026-04-01T01:20:00Z")
            try insert(db, status: "accepted", closedAt: "2026-04-01T02:20:00Z")
            try insert(db, status: "open")
        }
        #expect(try ledger.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cloud_drift") } == 3)
    }

    @Test func statusesAndTheirColumnsAreChecked() throws {
        for (status, closedAt, rule) in [("open", "2026-04-01T01:00:00Z", nil), ("stale", nil, nil), ("ignored", nil, nil),
                                         ("open", nil, "r"), ("dismissed", nil, nil)] as [(String, String?, String?)] {
            #expect(throws: DatabaseError.self, "\(status) closed=\(closedAt ?? "-") rule=\(rule ?? "-")") {
                try ledger.writer.write { try insert($0, status: status, closedAt: closedAt, rule: rule) }
            }
        }
    }

    @Test func aSpecMustBeAJSONObjectAndOnePerResource() throws {
        func record(_ spec: String) throws {
            try ledger.writer.write { db in
                try db.execute(sql: "INSERT INTO cloud_provisioned (resource_id, spec, spec_version, recorded_at) VALUES (1, ?, 1, 'x')",
                               arguments: [spec])
            }
        }
        #expect(throws: DatabaseError.self) { try record("[1]") }
        #expect(throws: DatabaseError.self) { try record("{") }
        try record(#"{"region":"syd1"}"#)
        #expect(throws: DatabaseError.self) { try record(#"{"region":"sgp1"}"#) }
    }

    @Test func theEventLogAcceptsDriftDetectedAndStillRefusesUnknownEvents() throws {
        try ledger.writer.write { db in
            try db.execute(sql: "INSERT INTO cloud_resource_events (resource_id, at, event) VALUES (1, 'x', 'drift_detected')")
        }
        #expect(throws: DatabaseError.self) {
            try ledger.writer.write { try $0.execute(sql: "INSERT INTO cloud_resource_events (resource_id, at, event) VALUES (1, 'x', 'deleted')") }
        }
    }

    @Test func migratingALedgerWithEventsKeepsEveryEventAndItsId() throws {
        let queue = try DatabaseQueue()
        try LedgerSchema.migrator.migrate(queue, upTo: "v2-costs")
        // Rows as a v2 ledger holds them (today's InventoryStore needs today's schema).
        try queue.write { db in
            for (id, name) in [(1, "a"), (2, "b")] {
                try db.execute(sql: """
                    INSERT INTO cloud_resources (kind, provider_id, name, status, first_seen_at, last_changed_at) VALUES ('droplet', ?, ?, 'active', ?, ?)
                    """, arguments: ["\(id)", name, InventoryFixtures.t0, InventoryFixtures.t0])
                try db.execute(sql: "INSERT INTO cloud_resource_events (resource_id, at, event, new_value) VALUES (?, ?, 'created', ?)",
                               arguments: [id, InventoryFixtures.t0, name])
            }
            try db.execute(sql: "DELETE FROM cloud_resource_events WHERE id = 1")
        }
        let before = try queue.read { try Row.fetchAll($0, sql: "SELECT * FROM cloud_resource_events ORDER BY id") }
        try LedgerSchema.migrator.migrate(queue)
        let after = try queue.read { try Row.fetchAll($0, sql: "SELECT * FROM cloud_resource_events ORDER BY id") }
        #expect(after == before)
        #expect(before.map { $0["id"] as Int64 } == [2])
        let nextID = try queue.write { db in
            try db.execute(sql: "INSERT INTO cloud_resource_events (resource_id, at, event) VALUES (1, 'x', 'stale')")
            return db.lastInsertedRowID
        }
        #expect(nextID == 3, "AUTOINCREMENT continues after the copied ids")
        let index = try queue.read { try String.fetchOne($0, sql: "SELECT name FROM sqlite_master WHERE name = 'cloud_resource_events_resource'") }
        #expect(index != nil)
    }
}
