import ArcadiaCore
import DigitalOcean
import GRDB
import MoneyAndTime
import Testing

/// The typed column values read exactly what the schema stores, and a stored value the ledger
/// never writes is an error naming the column, never a crash.
@Suite struct LedgerValuesTests {
    @Test func typedValuesReadWhatTheSchemaStores() throws {
        let ledger = try Ledger()
        try ledger.writer.read { (db: Database) throws in
            #expect(try Timestamp.fetchOne(db, sql: "SELECT '2026-04-01T10:07:00Z'") == Timestamp(year: 2026, month: 4, day: 1, hour: 10, minute: 7))
            #expect(try BillingPeriod.fetchOne(db, sql: "SELECT '2026-04'") == BillingPeriod(year: 2026, month: 4))
            #expect(try Money.fetchOne(db, sql: "SELECT -1401") == Money(cents: -1_401))
            #expect(try UsageQuantity.fetchOne(db, sql: "SELECT '0.032258'") == UsageQuantity(millionths: 32_258))
            #expect(try TenantInvoiceStatus.fetchOne(db, sql: "SELECT 'void'") == .void)
            #expect(try DriftStatus.fetchOne(db, sql: "SELECT 'ignored'") == .ignored)
            #expect(try ResourceEventKind.fetchOne(db, sql: "SELECT 'drift_detected'") == .driftDetected)
            #expect(try TenantInvoiceLine.Kind.fetchOne(db, sql: "SELECT 'plan_base'") == .planBase)
            #expect(try CostKind.fetchOne(db, sql: "SELECT 'droplet_backup'") == .dropletBackup)
            #expect(try BillingKind.fetchOne(db, sql: "SELECT 'dns_zones'") == .dnsZones)
        }
    }

    @Test func valuesAreWrittenInTheFormTheSchemaChecks() {
        #expect(Timestamp(year: 2026, month: 4, day: 1).databaseValue == "2026-04-01T00:00:00Z".databaseValue)
        #expect(BillingPeriod(year: 987, month: 3)!.databaseValue == "0987-03".databaseValue, "the period CHECK is GLOB YYYY-MM")
        #expect(Money(cents: 15_407).databaseValue == 15_407.databaseValue)
        #expect(UsageQuantity(millionths: 12_500_000).databaseValue == "12.5".databaseValue)
    }

    @Test func textTheLedgerNeverWritesIsRefused() {
        #expect(Timestamp.fromDatabaseValue("yesterday".databaseValue) == nil)
        #expect(Timestamp.fromDatabaseValue(1_775_038_020.databaseValue) == nil, "a time is text, not epoch seconds")
        #expect(BillingPeriod.fromDatabaseValue("2026-13".databaseValue) == nil)
        #expect(Money.fromDatabaseValue("12.34".databaseValue) == nil, "money is integer cents")
        #expect(UsageQuantity.fromDatabaseValue("1e3".databaseValue) == nil)
        #expect(TenantInvoiceStatus.fromDatabaseValue("cancelled".databaseValue) == nil)
    }

    @Test func aBadStoredTimeFailsTheReadWithAnErrorNotACrash() throws {
        let ledger = try Ledger()
        try ledger.writer.write { (db: Database) throws in
            try db.execute(sql: """
                INSERT INTO cloud_resources (kind, provider_id, name, status, first_seen_at, last_changed_at)
                VALUES ('droplet', '1', 'web-1', 'active', 'yesterday', '2026-04-01T00:00:00Z')
                """)
        }
        let error = #expect(throws: RowDecodingError.self) { try ledger.writer.read { try CloudResource.fetchAll($0) } }
        #expect(String(describing: error).contains("first_seen_at"))
    }

    @Test func aBadStoredDecimalFailsTheReadWithAnErrorNotACrash() throws {
        let ledger = try Ledger()
        try ledger.writer.write { (db: Database) throws in
            try db.execute(sql: """
                INSERT INTO tenants (id, code, name, country) VALUES (1, 'acme', 'Acme', 'AU');
                INSERT INTO tenant_invoices (id, tenant_id, period, subtotal_cents, tax_cents, total_cents, status, created_at)
                VALUES (1, 1, '2026-04', 0, 0, 0, 'draft', '2026-05-01T00:00:00Z');
                INSERT INTO tenant_invoice_lines (invoice_id, line_no, line_type, description, quantity, unit_price, amount_cents)
                VALUES (1, 1, 'tax', 'GST 10%', '12abc', '0.1', 0);
                """)
        }
        #expect(throws: LedgerValueError(column: "quantity", value: "12abc")) {
            try ledger.writer.read { try TenantInvoice.load(id: 1, $0) }
        }
    }

    @Test func aBadStoredQuantityFailsUsageForPeriodWithAnErrorNotACrash() throws {
        let ledger = try Ledger()
        try ledger.writer.write { (db: Database) throws in
            try db.execute(sql: """
                INSERT INTO tenants (id, code, name, country) VALUES (1, 'acme', 'Acme', 'AU');
                INSERT INTO deployments (id, code, tenant_id, name, project_name) VALUES (1, 'acme-web', 1, 'Web', 'acme-web');
                INSERT INTO cloud_resources (id, kind, provider_id, name, status, first_seen_at, last_changed_at)
                VALUES (1, 'dns_zone', 'acme.example', 'acme.example', 'active', '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z');
                INSERT INTO usage_records (deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at)
                VALUES (1, 1, 'dns_zones', '2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z', 'daily', '-0.5', '2026-04-02T01:10:00Z');
                """)
        }
        let april = BillingPeriod(year: 2026, month: 4)!
        let error = #expect(throws: RowDecodingError.self) {
            try ledger.writer.read { try UsageRecordStore.usage($0, deploymentID: 1, from: april.start, to: april.end) }
        }
        #expect(String(describing: error).contains("quantity"))
    }
}
