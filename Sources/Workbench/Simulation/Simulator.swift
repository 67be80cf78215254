import ArcadiaCore
import DigitalOcean
import FakeDigitalOcean
import Logging
import MoneyAndTime

/// Plays a scenario: builds the fake DO world, then pops the event queue in virtual time, applying
/// timeline events to the world and firing the real workers from the production job table.
public struct Simulator: Sendable {
    public struct Options: Sendable {
        /// Keep the ledger in this SQLite file (nil: in memory).
        public var ledgerPath: String?
        /// Skip a worker run when nothing it reads has changed since its last run and that run left
        /// the ledger at a fixed point (complete, nothing part-way to stale). Such a run provably
        /// writes nothing; a test checks the ledgers are identical either way.
        public var elideSettledRuns: Bool
        /// Decode only the listing pages and elements whose bytes changed since the last listing
        /// (`ItemMemo`), and reconcile only the observations that changed (`InventoryMirror`).
        /// A fast path like elision: a test holds every shipped scenario's ledgers equal without it.
        public var memoizeListings = true
        /// The fake serves bytes it kept (bodies per revision, unchanged pages, each droplet's,
        /// project's and project resource's JSON). A fast path like the memo: a test holds every
        /// shipped scenario's ledgers equal with a fake that makes every response anew.
        public var fakeKeepsResponses = true
        /// The backups worker lists only droplets whose `backup_ids` changed (`BackupListings`), as
        /// in production. Unobservable in the ledger while the world's backups never change once
        /// taken, as DO's do not: a test holds every shipped scenario's ledgers equal without it.
        public var reusesUnchangedBackupListings = true
        public var jobs: [ScheduledJob]
        /// Told the virtual days done and their total as each virtual day starts (for a progress
        /// line; nothing in a run depends on it).
        public var progress: (@Sendable (_ daysDone: Int, _ days: Int) -> Void)?
        /// Seconds from some fixed instant: with one, the result says how long each job took (the
        /// bench's per-job table; nothing in a run depends on it).
        public var stopwatch: (@Sendable () -> Double)?
        /// Called after every job run that was not elided, before the clock moves on (the fuzzer's
        /// invariant checkers); what it throws ends the run.
        public var afterJob: (@Sendable (JobProbe) async throws -> Void)?

        public init(ledgerPath: String? = nil, elideSettledRuns: Bool = true, jobs: [ScheduledJob] = JobTable.production,
                    progress: (@Sendable (_ daysDone: Int, _ days: Int) -> Void)? = nil, stopwatch: (@Sendable () -> Double)? = nil,
                    afterJob: (@Sendable (JobProbe) async throws -> Void)? = nil) {
            self.ledgerPath = ledgerPath
            self.elideSettledRuns = elideSettledRuns
            self.jobs = jobs
            self.stopwatch = stopwatch
            self.progress = progress
            self.afterJob = afterJob
        }
    }

    public var options: Options
    public var logger: Logger

    /// The default logger discards: what a run finds is in its ledger and summary, and a test or CI
    /// log full of expected fault warnings would hide real ones.
    public init(options: Options = Options(), logger: Logger = Logger(label: "arcadia.simulator", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.options = options
        self.logger = logger
    }

    public struct Result: Sendable {
        public var ledger: Ledger
        public var summary: RunSummary
        /// Seconds spent on each job's firings, from one to the next: its runs, its elided ones, and
        /// the event loop's work for them (empty without a stopwatch).
        public var jobSeconds: [JobID: Double] = [:]
        /// Each job's runs that were not elided (the bench prints them beside the seconds).
        public var jobRunCounts: [JobID: Int] = [:]
    }

    public func run(_ scenario: Scenario) async throws(SimulationError) -> Result {
        let fake = FakeDigitalOcean(seed: scenario.seed, start: scenario.clock.start, keepsResponses: options.fakeKeepsResponses)
        let clock = VirtualClock(start: scenario.clock.start)
        let ledger: Ledger
        do {
            ledger = try Ledger(path: options.ledgerPath)
        } catch {
            throw SimulationError(location: nil, message: "cannot open the ledger: \(error)")
        }
        var world = WorldBuilder(fake: fake)
        try world.build(scenario)
        // The production client stack: DO's retry policy over the fake's in-process transport.
        let retries = RetryWaits(fake: fake)
        let transport = RetryingTransport(fake.transport, policy: .godo, sleeper: retries.sleeper)
        let client = DigitalOceanClient(transport: transport, token: FakeDigitalOcean.defaultToken, itemMemo: options.memoizeListings ? ItemMemo() : nil)
        var runner = JobRunner(client: client, ledger: ledger, clock: clock.engineClock, ignoreRules: scenario.driftIgnore.map(\.rule))
        runner.inventory.logger = logger
        if options.memoizeListings { runner.inventory.mirror = InventoryMirror() }
        if !options.reusesUnchangedBackupListings { runner.inventory.backupListings = nil }
        let platform = Platform(runner: runner, tenancy: TenancyEngine(ledger: ledger, clock: clock.engineClock), fake: fake)
        try platform.setUp(scenario)

        var summary = RunSummary()
        var queue = EventQueue(timeline: scenario.timeline, jobs: options.jobs, start: scenario.clock.start)
        var settled = SettledRuns()
        // By position in the job table, not by `JobID` (whose hash is its name's): a year fires
        // jobs a few hundred thousand times.
        var secondsByEntry: [Double?] = Array(repeating: nil, count: options.jobs.count)
        var runsByEntry = Array(repeating: 0, count: options.jobs.count)
        // Timeline events the fake's revision did not see (a fault armed, a rate limit set): they
        // change no listing, yet must end every elision. An event the revision sees reaches each
        // job through the revision it reads (`revision(_:seenBy:)`).
        var worldEdits = 0
        let days = Int((scenario.clock.end - scenario.clock.start + 86_399) / 86_400)
        var nextDay = scenario.clock.start
        // One reading of the stopwatch per firing, not two: a quiet year fires jobs 272,000 times.
        // The time from one entry's reading to the next is the first entry's, when it is a job.
        var mark = options.stopwatch?()
        var timedJob: Int?
        func markTime(job: Int?) {
            guard let stopwatch = options.stopwatch, let last = mark else { return }
            let now = stopwatch()
            if let timedJob { secondsByEntry[timedJob] = (secondsByEntry[timedJob] ?? 0) + now - last }
            (mark, timedJob) = (now, job)
        }
        while let entry = queue.popNext(), entry.at < scenario.clock.end {
            if case .job(let index) = entry.source { markTime(job: index) } else { markTime(job: nil) }
            if let progress = options.progress, entry.at >= nextDay {
                progress(Int((entry.at - scenario.clock.start) / 86_400), days)
                nextDay = entry.at - (entry.at - scenario.clock.start) % 86_400 + 86_400
            }
            clock.set(entry.at)
            fake.advance(to: entry.at)
            switch entry.source {
            case .timeline(let index):
                let event = scenario.timeline[index]
                let revision = fake.revision
                do {
                    try world.apply(event)
                    try await platform.apply(event, summary: &summary)
                } catch {
                    throw error.inTimeline(event.fileIndex ?? index, at: event.at)
                }
                if fake.revision == revision { worldEdits += 1 }
                summary.timelineEvents += 1
            case .job(let index):
                let job = options.jobs[index].job
                queue.push(QueueEntry(at: options.jobs[index].schedule.nextFiring(after: entry.at), source: .job(index)))
                let outcome: JobOutcome
                // Only the probe reads it: a quiet year's few hundred thousand firings skip the fake's lock.
                let revisionBefore = options.afterJob == nil ? nil : fake.revision
                do {
                    if options.elideSettledRuns {
                        let provider = ProviderVersion(edits: worldEdits, revision: Self.revision(fake, seenBy: job))
                        if settled.elides(job, with: runner, provider: provider) {
                            summary.recordElided(job)
                            continue
                        }
                        outcome = try await settled.run(job, with: runner, provider: provider)
                    } else {
                        outcome = try await runner.run(job)
                    }
                    summary.record(outcome)
                    runsByEntry[index] += 1
                } catch {
                    throw SimulationError(location: nil, message: "\(job.rawValue) at \(entry.at) could not write the ledger: \(error)")
                }
                if let afterJob = options.afterJob, let revisionBefore {
                    let current = runner
                    do {
                        try await afterJob(JobProbe(job: job, at: entry.at, outcome: outcome, ledger: ledger, fake: fake,
                                                 revisionBefore: revisionBefore) { try await current.run(job) })
                    } catch {
                        throw SimulationError(location: nil, message: "after \(job.rawValue) at \(entry.at): \(error)")
                    }
                }
            }
        }
        markTime(job: nil)
        summary.virtualSeconds = scenario.clock.end - scenario.clock.start
        summary.requestsServed = fake.requestCount
        summary.retries = retries.count
        summary.retryWaitSeconds = retries.totalSeconds
        do {
            summary.drift = try runner.drift.counts()
            summary.syncFailures = try SyncFailure.all(in: ledger).map { "\($0.worker): \($0.error)" }
        } catch {
            throw SimulationError(location: nil, message: "counting drift and failures: \(error)")
        }
        var jobSeconds: [JobID: Double] = [:]
        var jobRunCounts: [JobID: Int] = [:]
        for (index, scheduled) in options.jobs.enumerated() {
            if let seconds = secondsByEntry[index] { jobSeconds[scheduled.job, default: 0] += seconds }
            if runsByEntry[index] > 0 { jobRunCounts[scheduled.job, default: 0] += runsByEntry[index] }
        }
        return Result(ledger: ledger, summary: summary, jobSeconds: jobSeconds, jobRunCounts: jobRunCounts)
    }
}

extension Simulator {
    /// The fake's revision that moves whenever what `job` reads may have: an issued invoice
    /// changes no inventory listing, and no inventory change alters an issued invoice; a droplet
    /// changed in place (a resize, a power change) changes only the listings that show droplets'
    /// fields (droplets, their backups and images, and reserved IPs, which embed their droplet).
    static func revision(_ fake: FakeDigitalOcean, seenBy job: JobID) -> UInt64 {
        switch job {
        case .syncDroplets, .syncBackups, .syncSnapshots, .syncReservedIPs: fake.inventoryRevision
        case .syncVolumes, .syncFirewalls, .syncLoadBalancers, .syncDomains, .syncProjects: fake.revisionBeyondDroplets
        case .costInvoices: fake.billingRevision
        case .costBalance, .driftSweep, .revenueMetering, .revenueRollup, .revenueIssue: fake.revision
        }
    }
}

/// A scenario that parsed but cannot be played (e.g. a size the fake's catalogue lacks).
public struct SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: ScenarioLocation?
    /// The field to blame, named as the validator names it (`timeline[3].invoice_paid`,
    /// `world.droplets[1].size`), so an error found while playing reads like one found before; empty
    /// for errors about the run as a whole.
    public var field: String
    public var message: String

    public init(location: ScenarioLocation?, field: String = "", message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    public var description: String {
        [location.map { "\($0)" }, field.isEmpty ? nil : field, message].compactMap { $0 }.joined(separator: ": ")
    }

    /// This error of timeline item `index` (counted in file order), which was played at `at`.
    func inTimeline(_ index: Int, at: Timestamp) -> SimulationError {
        SimulationError(location: location, field: "timeline[\(index)]" + (field.isEmpty ? "" : ".\(field)"), message: "at \(at), \(message)")
    }
}
