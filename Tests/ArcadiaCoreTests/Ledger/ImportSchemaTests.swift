import CoreTestSupport
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// Migration `v6-import`: an existing ledger keeps every usage record (same ids, now `metered`), and
/// the widened table still refuses what neither metering nor an import may write.
@Suite struct ImportSchemaTests {
    func v5Ledger() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try LedgerSchema.migrator.migrate(queue, upTo: "v5-pending-specs")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO cloud_resources (kind, provider_id, name, status, attributes, first_seen_at, last_changed_at)
                VALUES ('droplet', '1', 'web-1', 'active', '{}', '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z');
                INSERT INTO tenants (code, name, country) VALUES ('acme', 'Acme', 'AU');
                INSERT INTO deployments (code, tenant_id, name, project_name) VALUES ('acme-shop', 1, 'Shop', 'shop');
                INSERT INTO usage_records (id, deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at)
                VALUES (7, 1, 1, 'droplet_hours', '2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z', 'daily', '24', '2026-04-02T01:10:00Z');
                INSERT INTO cloud_invoices (invoice_uuid, invoice_id, period, amount_cents) VALUES ('inv', '1', '2026-04', 100);
                """)
        }
        return queue
    }

    @Test func existingRowsAreKeptWithTheirIdsAsMeteredAndAPI() throws {
        let queue = try v5Ledger()
        try LedgerSchema.migrator.migrate(queue)
        try queue.read { (db: Database) throws in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT id, source, granularity, quantity, cloud_invoice_id FROM usage_records"))
            #expect(row[0] as Int64 == 7)
            #expect(row[1] as String == "metered")
            #expect(row[2] as String == "daily")
            #expect(row[3] as String == "24")
            #expect(row[4] as Int64? == nil)
            #expect(try String.fetchOne(db, sql: "SELECT source FROM cloud_invoices") == "api")
            #expect(try UsageRecordStore.usage(db, deploymentID: 1, from: Timestamp(year: 2026, month: 4, day: 1),
                                               to: Timestamp(year: 2026, month: 5, day: 1)) == [.dropletHours: 24])
        }
    }

    @Test func theWidenedTableStillRefusesMixedRecords() throws {
        let queue = try v5Ledger()
        try LedgerSchema.migrator.migrate(queue)
        let bad: [String] = [
            // a metered record without a resource
            "(1, NULL, 'daily', 'metered', NULL, NULL)",
            // a metered record with the invoice granularity
            "(1, 1, 'invoice', 'metered', NULL, NULL)",
            // a derived record without its line
            "(1, NULL, 'invoice', 'do_invoice', NULL, NULL)",
            // a derived record at a metering granularity
            "(1, NULL, 'daily', 'do_invoice', 1, 1)",
            // an unknown source
            "(1, 1, 'daily', 'guessed', NULL, NULL)",
        ]
        for values in bad {
            #expect(throws: DatabaseError.self, "\(values)") {
                try queue.write { db in
                    try db.execute(sql: """
                        INSERT INTO usage_records (deployment_id, resource_id, granularity, source, cloud_invoice_id, cost_line_no,
                                                   billing_kind, period_start, period_end, quantity, recorded_at)
                        SELECT * FROM (VALUES \(values)) JOIN (VALUES ('droplet_hours', '2026-04-03T00:00:00Z', '2026-04-04T00:00:00Z', '1', 'x'))
                        """)
                }
            }
        }
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO usage_records (deployment_id, resource_id, granularity, source, cloud_invoice_id, cost_line_no,
                                           billing_kind, period_start, period_end, quantity, recorded_at)
                VALUES (1, NULL, 'invoice', 'do_invoice', 1, 1, 'droplet_hours', '2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z', '720', 'x')
                """)
        }
        #expect(throws: DatabaseError.self, "one derived record per line") {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO usage_records (deployment_id, resource_id, granularity, source, cloud_invoice_id, cost_line_no,
                                               billing_kind, period_start, period_end, quantity, recorded_at)
                    VALUES (1, NULL, 'invoice', 'do_invoice', 1, 1, 'droplet_hours', '2026-04-02T00:00:00Z', '2026-05-01T00:00:00Z', '1', 'x')
                    """)
            }
        }
    }
}
