/// A version of the provider's state, supplied by whoever can know it: the simulator (edits applied
/// to the fake world, and the fake's own revision counter, which also moves when time alone
/// changes a listing). A live API has none.
public struct ProviderVersion: Sendable, Equatable {
    public var edits: Int
    public var revision: UInt64
    public init(edits: Int, revision: UInt64) {
        self.edits = edits
        self.revision = revision
    }
}

/// What a job's result depends on (`JobRunner.inputs(of:provider:)`).
public enum JobInputs: Sendable, Equatable {
    /// A worker that lists the provider.
    case provider(ProviderVersion)
    /// The drift sweep, which reads the ledger and the ignore rules.
    case ledger(DriftSweepInputs)
}

/// Skips a job run that provably writes nothing: its inputs are what they were right after an
/// earlier run of the same job that left the ledger settled. The one place elision is decided, for
/// every job; a test plays every shipped scenario with and without it and gets the same ledgers.
public struct SettledRuns: Sendable {
    /// By `JobID.ordinal`: asked at every firing, a few hundred thousand a simulated year.
    private var settled = [JobInputs?](repeating: nil, count: JobID.allCases.count)

    public init() {}

    /// Whether `job`'s firing now may be skipped: its inputs are those a settled run of it left.
    /// `provider` is the provider's version now (nil: unknown). Synchronous, so the few hundred
    /// thousand skipped firings of a simulated year make no async call.
    public func elides(_ job: JobID, with runner: JobRunner, provider: ProviderVersion?) -> Bool {
        guard let inputs = runner.inputs(of: job, provider: provider) else { return false }
        return settled[job.ordinal] == inputs
    }

    /// Runs `job` and keeps the inputs it left when it left them settled.
    public mutating func run(_ job: JobID, with runner: JobRunner, provider: ProviderVersion?) async throws -> JobOutcome {
        let outcome = try await runner.run(job)
        // The inputs as the run left them: a sweep reads the drift rows it has just written.
        settled[job.ordinal] = outcome.isSettled ? runner.inputs(of: job, provider: provider) : nil
        return outcome
    }
}
