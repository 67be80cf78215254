import Foundation
import Synchronization

/// A one-line progress display on stderr for anything that runs longer than a second, and only
/// when stderr is a terminal: a CI log or a redirected stream stays clean. Redraws at most ten
/// times a second.
final class ProgressLine: Sendable {
    private struct State {
        var lastDraw = 0.0
        var drawn = false
    }

    private let started = Stopwatch.seconds()
    private let enabled: Bool
    private let state = Mutex(State())

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    func show(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        let now = Stopwatch.seconds()
        guard now - started >= 1 else { return }
        let line: String? = state.withLock { state in
            guard now - state.lastDraw >= 0.1 else { return nil }
            state.lastDraw = now
            state.drawn = true
            return text()
        }
        if let line { FileHandle.standardError.write(Data("\r\u{1B}[K\(TerminalText.safe(line))".utf8)) }
    }

    /// Clears the line, so what the command prints next starts at the left margin.
    func finish() {
        guard enabled, state.withLock({ $0.drawn }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
