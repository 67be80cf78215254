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
}
