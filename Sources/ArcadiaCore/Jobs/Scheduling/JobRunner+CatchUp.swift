import DigitalOcean
import MoneyAndTime

extension JobRunner {
    /// One run of `job` that also covers the firings it missed (`missed`, the table slots passed
    /// since its last successful run, oldest first). Only the jobs that work on a period need it:
    /// metering meters each day a missed firing would have metered, the rollup rolls up each month
    /// a missed firing would have; both through the same engine calls as an on-time run, which
    /// write only what is missing. Every other job reads the present (a listing, the balance, the
    /// drafts to issue), so one ordinary run covers any number of missed ones.
    public func catchUp(_ job: JobID, missed: [Timestamp]) async throws -> [JobOutcome] {
        switch job {
        case .revenueMetering:
            let today = metering.clock.now().startOfDay - 86_400
            let days = Set(missed.map { $0.startOfDay - 86_400 }).filter { $0 < today }.sorted()
            return try days.map { .metering(try metering.meter(day: $0)) } + [try await run(job)]
        case .revenueRollup:
            let latest = BillingPeriod(containing: revenue.clock.now()).previous
            let periods = Set(missed.map { BillingPeriod(containing: $0).previous }).filter { $0 < latest }.sorted()
            return try periods.map { .rollup(try revenue.rollup(period: $0)) } + [try await run(job)]
        default:
            return [try await run(job)]
        }
    }
}
