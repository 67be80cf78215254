import ArcadiaCore
import FakeDigitalOcean
import MoneyAndTime

/// What an observer of a run (`Simulator.Options.afterJob`) sees after a job ran: the job, the
/// instant, the ledger and the fake as the job left them, and a way to run the job again at the
/// same instant (a re-run must write nothing new).
public struct JobProbe: Sendable {
    public var job: JobID
    public var at: Timestamp
    /// What the run did (a failed run's re-run would record its own failure).
    public var outcome: JobOutcome
    public var ledger: Ledger
    public var fake: FakeDigitalOcean
    /// The fake's revision when the job started: a fault that acts after serving a page (a droplet
    /// created between two listing pages) changes the world during the run itself.
    public var revisionBefore: UInt64
    public var runAgain: @Sendable () async throws -> JobOutcome

    public init(job: JobID, at: Timestamp, outcome: JobOutcome, ledger: Ledger, fake: FakeDigitalOcean, revisionBefore: UInt64,
                runAgain: @escaping @Sendable () async throws -> JobOutcome) {
        self.job = job
        self.at = at
        self.outcome = outcome
        self.ledger = ledger
        self.fake = fake
        self.revisionBefore = revisionBefore
        self.runAgain = runAgain
    }
}
