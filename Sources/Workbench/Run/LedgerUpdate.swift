import ArcadiaCore
import Foundation

/// Changes a ledger file (`arcadia import … --db`), creating it when missing, so that it is never
/// left half-changed: the work runs on a scratch copy beside it (`LedgerOutput.scratch`, migrated to
/// this build's schema there), which is put in place only when the work succeeded and changed
/// something. A failure, or an update that changed nothing, leaves the file byte for byte as it was;
/// a file that is not an arcadia ledger is refused before anything happens (`LedgerOutput`).
public struct LedgerUpdate: Sendable {
    public let output: LedgerOutput

    public init(target: String) throws(LedgerOutput.Refusal) {
        output = try LedgerOutput(target: target)
    }

    /// Runs `body` on the scratch ledger; `changed` says whether its result wrote anything.
    public func apply<T>(_ body: (Ledger) throws -> T, changed: (T) -> Bool) throws -> T {
        let scratch = try output.prepare()
        let existed = FileManager.default.fileExists(atPath: output.target)
        var current = false
        let ledger: Ledger
        do {
            if existed {
                try Ledger.copyFile(at: output.target, to: scratch)
                current = try Ledger.hasCurrentSchema(atPath: scratch)
            }
            ledger = try Ledger(path: scratch)
        } catch {
            discard(scratch)
            throw error
        }
        let result: T
        do {
            result = try body(ledger)
        } catch {
            try? ledger.close()
            discard(scratch)
            throw error
        }
        guard !existed || !current || changed(result) else {
            try ledger.close()
            discard(scratch)
            return result
        }
        try output.commit(ledger)
        return result
    }

    private func discard(_ scratch: String) {
        for suffix in ["", "-journal"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
    }
}
