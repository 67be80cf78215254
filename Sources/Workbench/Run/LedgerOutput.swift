import ArcadiaCore
import Foundation

/// A ledger file a run keeps (`--db`), written so that nothing that was there is lost: the run
/// writes a scratch file beside the target (`.<name>.arcadia-partial`) and, once it completed,
/// renames it into place, or copies it into an existing ledger through SQLite's backup API (so a
/// process reading that ledger is never pulled from under). Only a file that is an arcadia ledger
/// is ever replaced; a folder or any other file is refused. A killed run leaves the target as it
/// was; its scratch file is removed by the next run.
public struct LedgerOutput: Sendable {
    public struct Refusal: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "refusing --db \(path): \(reason)" }
    }

    public let target: String

    /// Checks the target before anything runs.
    public init(target: String) throws(Refusal) {
        self.target = target
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw Refusal(path: target, reason: "it is a folder; a ledger for one scenario is a file (nothing was touched)")
        }
        guard Ledger.isLedgerFile(atPath: target) else {
            throw Refusal(path: target, reason: "it exists and is not an arcadia ledger; only a ledger is ever replaced (nothing was touched)")
        }
    }

    /// Where the run writes, beside the target; a scratch file left by a killed run is removed.
    public var scratch: String { ScratchFile.path(beside: target) }

    public func prepare() throws -> String {
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: target).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        for suffix in ["", "-journal"] where FileManager.default.fileExists(atPath: scratch + suffix) {
            try FileManager.default.removeItem(atPath: scratch + suffix)
        }
        return scratch
    }

    /// Puts the finished ledger (opened on `scratch`) in place and closes it.
    public func commit(_ ledger: Ledger) throws {
        if FileManager.default.fileExists(atPath: target) {
            try ledger.copy(intoFileAt: target)
            try ledger.close()
            try FileManager.default.removeItem(atPath: scratch)
        } else {
            try ledger.close()
            guard rename(scratch, target) == 0 else {
                throw Refusal(path: target, reason: "cannot move the finished ledger into place: \(String(cString: strerror(errno)))")
            }
        }
    }
}
