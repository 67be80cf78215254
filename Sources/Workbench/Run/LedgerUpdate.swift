import ArcadiaCore
import Foundation

/// Changes a ledger file (`arcadia import … --db`), creating it when missing, so that it is never
/// left half-changed and nothing another process writes meanwhile is lost.
///
/// An existing ledger is changed in place, by the work's own transaction: SQLite keeps it whole or
/// leaves nothing of it, and a writer meanwhile (`arcadia sync`, `arcadia serve`) waits its turn
/// instead of being undone by a copy put back over the file. A ledger of an older schema is first
/// brought to this build's, as every command that writes a ledger does. A missing ledger is made on
/// this process's scratch file and linked into place only when the work succeeded, so a failure
/// creates nothing; if another process created it meanwhile, the work runs on that one instead.
/// A file that is not an arcadia ledger is refused before anything happens (`LedgerOutput`).
public struct LedgerUpdate: Sendable {
    public let output: LedgerOutput

    public init(target: String) throws(LedgerOutput.Refusal) {
        output = try LedgerOutput(target: target)
    }

    /// Runs `body` on the ledger (a transaction of its own makes it all or nothing).
    public func apply<T>(_ body: (Ledger) throws -> T) throws -> T {
        if FileManager.default.fileExists(atPath: output.target) { return try applyInPlace(body) }
        let scratch = try output.prepare()
        let result: T
        do {
            let ledger = try Ledger(path: scratch)
            defer { try? ledger.close() }
            result = try body(ledger)
        } catch {
            output.discard()
            throw error
        }
        if try output.link() { return result }
        // Another process made the ledger meanwhile: this work is done again on that one.
        output.discard()
        return try applyInPlace(body)
    }

    private func applyInPlace<T>(_ body: (Ledger) throws -> T) throws -> T {
        try LedgerOutput.check(output.target)
        let ledger = try Ledger(path: output.target)
        defer { try? ledger.close() }
        return try body(ledger)
    }
}
