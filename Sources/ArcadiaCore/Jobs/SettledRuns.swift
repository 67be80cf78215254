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
    private var settled: [JobID: JobInputs] = [:]

    public init() {}

    /// Runs `job` unless elided (nil). `provider` is the provider's version now (nil: unknown).
    public mutating func run(_ job: JobID, with runner: JobRunner, provider: ProviderVersion?) async throws -> JobOutcome? {
        let before = try runner.inputs(of: job, provider: provider)
        if let before, settled[job] == before { return nil }
        let outcome = try await runner.run(job)
        // The inputs as the run left them: a sweep reads the drift rows it has just written.
        settled[job] = outcome.isSettled ? try runner.inputs(of: job, provider: provider) : nil
        return outcome
    }
}
