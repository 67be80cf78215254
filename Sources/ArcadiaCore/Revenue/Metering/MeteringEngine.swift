import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime

/// Metering: turns what the inventory observed into usage records per deployment, and answers
/// `usage_for_period` for pricing. The job table fires `runDaily` at 01:10 for the day that just
/// ended; an operator can meter any ended day again with `meter(day:)`, which writes only what is
/// missing. `docs/revenue.md` (Metering) describes the accrual rules.
public struct MeteringEngine: Sendable {
    public var ledger: Ledger
    public var clock: EngineClock

    public init(ledger: Ledger, clock: EngineClock) {
        self.ledger = ledger
        self.clock = clock
    }

    /// Sets a billing kind's granularity and retention (its `metering_config` row).
    public func configure(_ kind: BillingKind, _ policy: MeteringPolicy) throws {
        try ledger.writer.write { db in try MeteringConfigStore.set(db, kind, policy) }
    }

    /// The policy of every configured billing kind; the others use `MeteringPolicy.standard`.
    public func policies() throws -> [BillingKind: MeteringPolicy] {
        try ledger.read { db in try MeteringConfigStore.load(db) }
    }

    /// The `revenue.metering` job: meters the previous complete day and any earlier day a run
    /// deferred (`MeteringDeferral`), then prunes records past their retention, in one transaction.
    /// The report names the previous day and counts the records of every day metered.
    public func runDaily() throws -> MeteringReport {
        let now = clock.now()
        let yesterday = now.startOfDay - 86_400
        return try ledger.writer.write { db in
            var report = try UsageMeter.meter(db, day: yesterday, at: now)
            for day in try MeteringDeferral.days(db, before: yesterday) {
                let earlier = try UsageMeter.meter(db, day: day, at: now)
                report.written += earlier.written
                report.alreadyRecorded += earlier.alreadyRecorded
                report.skipped += earlier.skipped
                report.deferred += earlier.deferred
            }
            report.pruned = try UsageRecordStore.prune(db, policies: try MeteringConfigStore.load(db), at: now)
            return report
        }
    }

    /// Meters one day (named by its midnight) that has ended. Records already there are kept as
    /// they are, so re-running a day writes nothing; a day missed earlier is filled in.
    public func meter(day: Timestamp) throws -> MeteringReport {
        let now = clock.now()
        guard day == day.startOfDay else { throw MeteringError.notADay(day) }
        guard day + 86_400 <= now else { throw MeteringError.dayNotOver(day: day, now: now) }
        return try ledger.writer.write { db in try UsageMeter.meter(db, day: day, at: now) }
    }

    /// `usage_for_period(deployment, from, to)`: the deployment's usage per billing kind over
    /// `[from, to)` as exact decimals (`UsageRecordStore.usage`).
    public func usageForPeriod(deploymentID: Int64, from: Timestamp, to: Timestamp) throws -> [BillingKind: Decimal] {
        try ledger.read { db in try UsageRecordStore.usage(db, deploymentID: deploymentID, from: from, to: to) }
    }

    /// The same, naming the deployment by its code.
    public func usageForPeriod(deployment code: String, from: Timestamp, to: Timestamp) throws -> [BillingKind: Decimal] {
        try ledger.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM deployments WHERE code = ?", arguments: [code]) else {
                throw MeteringError.unknownDeployment(code)
            }
            return try UsageRecordStore.usage(db, deploymentID: id, from: from, to: to)
        }
    }
}
