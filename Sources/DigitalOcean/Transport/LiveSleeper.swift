extension Sleeper {
    /// Really waits, on the task's clock. Only the CLI uses it; everything else injects a sleeper
    /// that does not wait, so no test or simulation depends on real time passing.
    public static let live = Sleeper { duration in
        try await Task.sleep(for: duration)
    }
}
