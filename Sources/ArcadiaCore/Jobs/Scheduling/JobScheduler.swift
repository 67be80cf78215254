import DigitalOcean
import Logging
import MoneyAndTime

/// The service's scheduler: fires the job table through `JobRunner` as its clock passes each job's
/// firing, and records every run in `job_runs`. Time comes only from `clock` and waiting only from
/// `sleeper` (durations of the clock's time), so a test drives it in virtual time and the service
/// runs it on the wall clock, or on a faster one (`serve --speed`) with a sleeper to match.
///
/// - A job that never ran, or missed a firing while the service was down, runs at once; one
///   catch-up run covers every missed period (`JobRunner.catchUp`), and a sync job's missed
///   listings count as an outage of what it lists (`recordDowntime`).
/// - Runs are made one at a time, earliest firing first, ties in table order (the simulator's tie
///   rule), so two runs of the same job never overlap and the ledger sees one writer.
/// - A job that throws or reports a failure is logged and recorded `failed`; the others go on, and
///   it runs again at its next firing, covering what the failed run did not.
public struct JobScheduler: Sendable {
    public var runner: JobRunner
    public var ledger: Ledger
    public var table: [ScheduledJob]
    public var clock: EngineClock
    public var sleeper: Sleeper
    /// Asked before each run: once true, the scheduler returns (a run in flight finishes first).
    public var isStopping: @Sendable () -> Bool
    public var logger: Logger

    public init(runner: JobRunner, ledger: Ledger, table: [ScheduledJob] = JobTable.production, clock: EngineClock, sleeper: Sleeper,
                isStopping: @escaping @Sendable () -> Bool = { Task.isCancelled },
                logger: Logger = Logger(label: "arcadia.scheduler", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.runner = runner
        self.ledger = ledger
        self.table = table
        self.clock = clock
        self.sleeper = sleeper
        self.isStopping = isStopping
        self.logger = logger
    }

    /// Where one table entry stands: when it is next due, and the firing of its last success.
    struct Slot {
        var due: Timestamp
        var lastSucceeded: Timestamp?
    }

    /// Runs until `isStopping` says so or the sleeper throws (cancellation): both end it normally.
    public func run() async throws {
        var slots = try plan(at: clock.now())
        try recordDowntime(slots, at: clock.now())
        while !isStopping(), let index = slots.indices.min(by: { (slots[$0].due, $0) < (slots[$1].due, $1) }) {
            let now = clock.now()
            guard slots[index].due <= now else {
                do {
                    try await sleeper.sleep(.seconds(slots[index].due - now))
                } catch {
                    return
                }
                continue
            }
            let schedule = table[index].schedule
            let succeeded = await fire(table[index].job, scheduledAt: slots[index].due,
                                           missed: firings(of: schedule, after: slots[index].lastSucceeded, upTo: now))
            guard let succeeded else { return }
            if succeeded { slots[index].lastSucceeded = slots[index].due }
            slots[index].due = schedule.nextFiring(after: max(clock.now(), slots[index].due))
        }
    }

    /// Each job's first due time: at once when it never ran or a firing passed since its last run.
    func plan(at now: Timestamp) throws -> [Slot] {
        let latest = try ledger.read(JobRun.latest)
        return table.map { scheduled in
            guard let last = latest[scheduled.job] else { return Slot(due: now, lastSucceeded: nil) }
            let next = scheduled.schedule.nextFiring(after: last.scheduledAt)
            return Slot(due: max(next, now), lastSucceeded: last.succeededAt)
        }
    }

    /// Listings the service missed while it was down (a firing passed since the job's last
    /// success) count as an outage of their kinds from the first one missed
    /// (`InventorySync.recordDowntime`), before any job runs: metering, which may run first, then
    /// holds back the days a listing has not yet seen.
    func recordDowntime(_ slots: [Slot], at now: Timestamp) throws {
        for (scheduled, slot) in zip(table, slots) {
            guard let first = firings(of: scheduled.schedule, after: slot.lastSucceeded, upTo: now).first else { continue }
            try runner.inventory.recordDowntime(of: scheduled.job, since: first)
        }
    }

    /// The table slots in `(after, upTo]`, oldest first (none when the job never succeeded).
    func firings(of schedule: JobSchedule, after: Timestamp?, upTo now: Timestamp) -> [Timestamp] {
        guard let after else { return [] }
        var firings: [Timestamp] = []
        var next = schedule.nextFiring(after: after)
        while next <= now {
            firings.append(next)
            next = schedule.nextFiring(after: next)
        }
        return firings
    }

    /// Runs the job, logs and records the run; whether it succeeded, or nil when it was cancelled
    /// (the engines wrote nothing half-way: each write is one transaction, rolled back).
    private func fire(_ job: JobID, scheduledAt: Timestamp, missed: [Timestamp]) async -> Bool? {
        let startedAt = clock.now()
        var failures: [String] = []
        var summary: [String] = []
        do {
            var runner = runner
            // The operator's rules (admin API) apply from the next sweep on, beside any configured.
            runner.ignoreRules += try await ledger.read(IgnoreRuleStore.all)
            let outcomes = try await runner.catchUp(job, missed: missed)
            summary = outcomes.map(\.summary)
            failures = outcomes.flatMap(\.failures)
        } catch {
            if Task.isCancelled { return nil }
            failures = ["\(job.rawValue): \(error)"]
        }
        let run = JobRun(job: job, scheduledAt: scheduledAt, startedAt: startedAt, finishedAt: clock.now(),
                         outcome: failures.isEmpty ? .succeeded : .failed, summary: (summary + failures).joined(separator: "\n"))
        if failures.isEmpty {
            logger.info("\(job.rawValue) \(scheduledAt): \(summary.joined(separator: "; "))")
        } else {
            logger.error("\(job.rawValue) \(scheduledAt) failed: \(failures.joined(separator: "; "))")
        }
        do {
            try await ledger.writer.write { db in try run.insert(db) }
        } catch {
            logger.error("\(job.rawValue) \(scheduledAt): the run could not be recorded: \(error)")
        }
        return run.outcome == .succeeded
    }
}
