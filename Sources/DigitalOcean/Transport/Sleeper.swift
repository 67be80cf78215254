/// How a retrying transport waits between attempts. Injected so that the simulator and the tests
/// never wait for real: they pass a sleeper that records the delay (or advances a virtual clock),
/// while the CLI passes `Sleeper.live`.
public struct Sleeper: Sendable {
    /// Waits `duration`; throws when the wait is abandoned (e.g. the task was cancelled).
    public var sleep: @Sendable (_ duration: Duration) async throws -> Void

    public init(sleep: @escaping @Sendable (_ duration: Duration) async throws -> Void) {
        self.sleep = sleep
    }

    /// Returns at once: for callers that want retries but no waiting at all (an in-process fake
    /// whose clock does not move while a worker runs).
    public static let immediate = Sleeper { _ in }
}
