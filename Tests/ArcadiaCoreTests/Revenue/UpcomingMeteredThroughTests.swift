import CoreTestSupport
import GRDB
import MoneyAndTime
import Testing
@testable import ArcadiaCore

/// What the ledger shows metered, which bounds the upcoming invoice's `metered_through`: the
/// service's metering runs (a tenant with no resources has no records to show it) and the records.
struct UpcomingMeteredThroughTests {
    func run(_ ledger: Ledger, _ outcome: JobRun.Outcome, at time: Timestamp) throws {
        try ledger.writer.write { db in
            try JobRun(job: .revenueMetering, scheduledAt: time, startedAt: time, finishedAt: time + 1, outcome: outcome, summary: "").insert(db)
        }
    }

    @Test func theLatestSuccessfulMeteringRunOrRecordMarksWhatIsMetered() throws {
        let ledger = try Ledger()
        #expect(try ledger.read(UpcomingInvoices.lastMeteredDayEnd) == nil, "nothing metered yet")
        try run(ledger, .succeeded, at: Timestamp(year: 2026, month: 4, day: 20, hour: 1, minute: 10))
        try run(ledger, .failed, at: Timestamp(year: 2026, month: 4, day: 21, hour: 1, minute: 10))
        #expect(try ledger.read(UpcomingInvoices.lastMeteredDayEnd) == Timestamp(year: 2026, month: 4, day: 20),
                "the run on the 20th metered the 19th; the failed one on the 21st metered nothing")
    }

    /// A ledger no scheduler kept (a scenario's) shows its metering by its records.
    @Test func aMeteredRecordLaterThanTheRunsMarksWhatIsMetered() throws {
        let ledger = try Ledger()
        let tenant = try RevenueFixtures.tenant(ledger, code: "acme")
        let deployment = try RevenueFixtures.deployment(ledger, code: "acme-web", tenantID: tenant)
        try run(ledger, .succeeded, at: Timestamp(year: 2026, month: 4, day: 20, hour: 1, minute: 10))
        try ledger.writer.write { db in
            try db.execute(sql: """
                INSERT INTO cloud_resources (kind, provider_id, name, status, first_seen_at, last_changed_at)
                VALUES ('droplet', '1', 'web-1', 'active', '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z')
                """)
            try db.execute(sql: """
                INSERT INTO usage_records (deployment_id, resource_id, billing_kind, period_start, period_end, granularity, quantity, recorded_at)
                VALUES (?, ?, 'droplet_hours', '2026-04-22T00:00:00Z', '2026-04-23T00:00:00Z', 'daily', '24', '2026-04-23T01:10:00Z')
                """, arguments: [deployment, db.lastInsertedRowID])
        }
        #expect(try ledger.read(UpcomingInvoices.lastMeteredDayEnd) == Timestamp(year: 2026, month: 4, day: 23))
    }
}
