/// Wraps a transport with `RetryPolicy`: a 429, a 5xx (not 501) or a failure to get any answer is
/// sent again after the policy's wait, done by the injected `Sleeper` so that only the CLI ever
/// waits for real. The client above sees one answer: the first final response, or the last one
/// (or the last transport error) once the retries are spent, and turns it into its usual error.
public struct RetryingTransport: Transport {
    public let base: any Transport
    public let policy: RetryPolicy
    public let sleeper: Sleeper

    public init(_ base: any Transport, policy: RetryPolicy = .godo, sleeper: Sleeper) {
        self.base = base
        self.policy = policy
        self.sleeper = sleeper
    }

    /// Sends at most `policy.maxRetries + 1` times. Cancellation is never retried: it ends the loop
    /// at once, whether it comes from the transport or from the sleeper.
    public func send(_ request: APIRequest) async throws -> APIResponse {
        var retry = 0
        while true {
            let outcome: Result<APIResponse, any Error>
            do {
                outcome = .success(try await base.send(request))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                outcome = .failure(error)
            }
            switch policy.decide(after: try? outcome.get(), retry: retry) {
            case .stop:
                return try outcome.get()
            case .retry(let wait):
                try await sleeper.sleep(wait)
                retry += 1
            }
        }
    }
}
