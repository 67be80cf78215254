import DigitalOcean
import GRDB
import MoneyAndTime

/// The upcoming invoice of a tenant (Stripe's and Kill Bill's invoice preview): the current period
/// priced on the usage metered so far, and projected to the period's end assuming what runs now
/// keeps running.
///
/// Both are made by the month-end rollup itself, on scratch copies of the ledger, so a preview
/// cannot drift from the invoice the rollup will write: to date, every subscription is cut at the
/// end of the last metered day; projected, the days not metered yet are metered by `UsageMeter`
/// as the metering job would meter them if no observation changes (a resource's last observed
/// state lasts to the period's end), then the rollup runs as on the 1st. The ledger itself is
/// only read.
public struct UpcomingInvoices: Sendable {
    public let ledger: Ledger
    public let clock: EngineClock

    public init(ledger: Ledger, clock: EngineClock) {
        self.ledger = ledger
        self.clock = clock
    }

    public struct Preview: Sendable {
        public var tenant: String
        public var period: BillingPeriod
        public var asOf: Timestamp
        /// The days priced to date are `[period.start, meteredThrough)`: the days the metering job
        /// has metered by now (it meters each day at 01:10 the next day).
        public var meteredThrough: Timestamp
        /// The invoice the rollup would write for the days to date; nil when nothing is billed.
        public var toDate: TenantInvoice?
        /// The invoice the rollup would write on the 1st if nothing changes; nil when nothing is billed.
        public var projection: TenantInvoice?
        /// What the rollups said besides the invoices (a plan the book lacks, days billed for none).
        public var notes: [String]
    }

    public func preview(tenant code: String) throws -> Preview {
        let now = clock.now()
        let period = BillingPeriod(containing: now)
        guard try ledger.read({ try TenantInvoiceStore.tenant(code: code, $0) }) != nil else {
            throw TenantInvoiceError.noSuchTenant(code)
        }
        let lastMetered = try ledger.read(Self.lastMeteredDayEnd) ?? period.start
        let meteredThrough = min(max(min(Self.meteredThrough(at: now), lastMetered), period.start), period.end)
        var notes: [String] = []
        let toDate = try rollup(code, period, at: now, notes: &notes) { db in
            for var subscription in try SubscriptionRecord.fetchAll(db) where subscription.endedAt.map({ $0 > meteredThrough }) ?? true {
                subscription.endedAt = max(subscription.startedAt + 1, meteredThrough)
                try subscription.update(db)
            }
        }
        let projection = try rollup(code, period, at: period.end + 3 * 3_600, notes: &notes) { db in
            var day = meteredThrough
            while day < period.end {
                _ = try UsageMeter.meter(db, day: day, at: day + 86_400 + Self.meteringDelay)
                day = day + 86_400
            }
        }
        // Both rollups say what they say about the tenant (a country without a tax rate): once.
        return Preview(tenant: code, period: period, asOf: now, meteredThrough: meteredThrough, toDate: toDate, projection: projection,
                       notes: notes.uniqued())
    }

    /// How long after a day ends the metering job meters it: its firing's time of day.
    static var meteringDelay: Int64 {
        guard case .daily(let hour, let minute)? = JobTable.production.first(where: { $0.job == .revenueMetering })?.schedule else { return 0 }
        return Int64(hour * 3_600 + minute * 60)
    }

    /// The end of the last day the metering job has metered at `now`, if it runs on schedule.
    static func meteredThrough(at now: Timestamp) -> Timestamp {
        (now - meteringDelay).startOfDay
    }

    /// The end of the last day the ledger shows metered: its latest metered record, or the day before
    /// its metering job's latest successful run (which meters yesterday). A ledger nobody meters any
    /// more (a scenario's, served later) is not taken as metered up to today, with the days since
    /// priced as if nothing had run on them; nil when the ledger shows no metering at all.
    static func lastMeteredDayEnd(_ db: Database) throws -> Timestamp? {
        try lastMeteredDayEnd(db, enough: nil)
    }

    /// For a caller that only asks whether metering reaches `enough`: when the job's last run does,
    /// that is the answer, and the records' maximum, a scan of the usage table (0.7 s at an hourly
    /// year's 8.7 million rows), is not read. The month-end rollup of a ledger the job meters never
    /// scans.
    static func lastMeteredDayEnd(_ db: Database, enough: Timestamp?) throws -> Timestamp? {
        let ran = try Timestamp.fetchOne(db, JobRun.filter(JobRun.Columns.job == JobID.revenueMetering.rawValue
                                                            && JobRun.Columns.outcome == JobRun.Outcome.succeeded.rawValue)
            .select(max(JobRun.Columns.startedAt)))?.startOfDay
        if let ran, let enough, ran >= enough { return ran }
        let recorded = try Timestamp.fetchOne(db, UsageRecord.filter(Column("source") == UsageRecordSource.metered.rawValue)
            .select(max(UsageRecord.Columns.periodEnd)))
        return [recorded, ran].compactMap { $0 }.max()
    }

    /// The tenant's invoice for `period` from a forced rollup on a scratch copy of the ledger,
    /// after `prepare` changed the copy.
    private func rollup(_ code: String, _ period: BillingPeriod, at time: Timestamp, notes: inout [String],
                        prepare: (Database) throws -> Void) throws -> TenantInvoice? {
        let scratch = try Ledger()
        try ledger.writer.backup(to: scratch.writer)
        try scratch.writer.write { db in
            // An invoice already written for the period (an early rollup) is set aside, so the
            // preview is what a rollup would write now.
            let standing = TenantInvoice.select(TenantInvoice.Columns.id)
                .filter(TenantInvoice.Columns.period == period.description && TenantInvoice.Columns.status != TenantInvoiceStatus.void.rawValue)
            for id in try Int64.fetchAll(db, standing) {
                try TenantInvoiceStore.setStatus(.void, invoiceID: id, at: time, db)
            }
            try prepare(db)
        }
        let clock = EngineClock.fixed(time)
        let invoicing = TenantInvoicing(ledger: scratch, clock: clock, usage: .metered(by: MeteringEngine(ledger: scratch, clock: clock)))
        let report = try invoicing.rollup(period: period)
        notes += report.failure.map { [$0] } ?? []
        for tenant in report.tenants where tenant.tenant == code {
            notes += tenant.notes
            if case .failed(let reason) = tenant.outcome { notes.append(reason) }
        }
        return try invoicing.invoice(tenant: code, period: period)
    }
}
